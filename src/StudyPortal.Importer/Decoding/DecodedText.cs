namespace StudyPortal.Importer.Decoding;

/// <summary>Text with the encoding it was read in; <see cref="Guessed"/> is true when no BOM or detector confirmed it; <see cref="Warning"/> says what decoding had to drop.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool Guessed, Model.Diagnostic? Warning = null);
