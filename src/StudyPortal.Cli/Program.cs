using StudyPortal.Importer;
using StudyPortal.Cli;
var parser = new DocumentParser();
var doc = parser.Parse(File.ReadAllBytes(args[1]), args[1]);
Console.WriteLine(ParsedDocumentJson.Serialize(doc));
