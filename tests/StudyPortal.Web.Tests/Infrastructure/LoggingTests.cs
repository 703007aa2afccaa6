namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>Serilog from configuration: a rolling file receives import and request logs when one is configured.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task ConfiguredRollingFile_ReceivesImportAndRequestLogs()
    {
        string folder;
        var text = "";
        using (var factory = new FileLoggingFactory())
        {
            folder = factory.LogFolder;
            await factory.CreateClient().GetStringAsync(new Uri("/quotes", UriKind.Relative));
            // The sink writes through a file stream of its own; give it a moment rather than depend on disposal order.
            for (var attempt = 0; attempt < 100 && !(text.Contains("HTTP GET /quotes", StringComparison.Ordinal) && text.Contains("Imported", StringComparison.Ordinal)); attempt++)
            {
                await Task.Delay(100);
                text = string.Concat(Directory.GetFiles(folder, "portal-*.log").Select(ReadShared));
            }
        }
        Assert.True(text.Contains("Imported", StringComparison.Ordinal), "log file:\n" + text);
        Assert.Contains("关于“网络强国”的深刻阐述", text, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /quotes responded 200", text, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class FileLoggingFactory : PortalFactory
    {
        public string LogFolder { get; } = Directory.CreateTempSubdirectory("studyportal-logs-").FullName;

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Serilog:MinimumLevel:Default"] = "Information";
                settings["Serilog:WriteTo:1:Name"] = "File";
                settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogFolder, "portal-.log");
                settings["Serilog:WriteTo:1:Args:rollingInterval"] = "Day";
                settings["Serilog:WriteTo:1:Args:shared"] = "true";
                return settings;
            }
        }
    }
}
