using System.Globalization;
using System.Text;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Infrastructure.Logging;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Operations;

/// <summary>The portal writing compact JSON to a rolling file of its own, as docs/operations.md configures it.</summary>
public sealed class FileLoggingPortalFactory : SecuredPortalFactory
{
    public string LogFolder { get; } = Directory.CreateTempSubdirectory("studyportal-logs-").FullName;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Serilog:MinimumLevel:Default"] = "Information";
            settings["Serilog:WriteTo:1:Name"] = "File";
            settings["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogFolder, "portal-.json");
            settings["Serilog:WriteTo:1:Args:rollingInterval"] = "Day";
            settings["Serilog:WriteTo:1:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact";
            return settings;
        }
    }
}

public sealed class LoggingTests(FileLoggingPortalFactory factory) : IClassFixture<FileLoggingPortalFactory>
{
    private async Task<string> LogTextAsync(Func<string, bool> until)
    {
        var text = "";
        for (var i = 0; i < 50 && !until(text); i++)
        {
            await Task.Delay(100);
            text = string.Concat(Directory.GetFiles(factory.LogFolder).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(stream).ReadToEnd();
            }));
        }
        return text;
    }

    [Fact]
    public async Task Requests_AreLoggedAsJson_WithUserAndTime_AndNoPasswordEverAppears()
    {
        var secret = "Very-secret-pass-9";
        var user = await factory.CreateUserAsync(PortalRoles.Reader);
        var client = factory.CreateRawClient();
        await client.SubmitFormAsync("/account/signin", new() { ["Form.UserName"] = user.UserName!, ["Form.Password"] = secret });
        var signedIn = await factory.SignedInClientAsync(user.UserName!);
        await signedIn.SubmitFormAsync("/account/password", new() { ["Form.Current"] = Accounts.Password, ["Form.New"] = secret, ["Form.Confirm"] = secret });
        await signedIn.GetAsync(new Uri("/quotes", UriKind.Relative));

        var text = await LogTextAsync(t => t.Contains("/quotes", StringComparison.Ordinal));
        var events = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var request = events.Single(e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == "/quotes");
        Assert.Equal(user.UserName, request.GetProperty("UserName").GetString());
        Assert.True(request.GetProperty("Elapsed").GetDouble() >= 0);
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.Contains(events, e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == "/account/signin");
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalFactory.AdminPassword, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchedConsole_WritesEveryEventOfABatch_InTheConfiguredTemplate_WithChineseIntact()
    {
        using var output = new MemoryStream();
        var sink = new BatchedConsoleSink(new MessageTemplateTextFormatter("{Level:u3} {Message:lj}{NewLine}", CultureInfo.InvariantCulture), output);
        var parser = new MessageTemplateParser();
        LogEvent Event(string user, int status) => new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, parser.Parse("{RequestPath} {StatusCode} {UserName}"),
            [new LogEventProperty("RequestPath", new ScalarValue("/read/abc")), new LogEventProperty("StatusCode", new ScalarValue(status)), new LogEventProperty("UserName", new ScalarValue(user))]);

        await sink.EmitBatchAsync([Event("李明", 200), Event("王芳", 404)]);

        Assert.Equal("INF /read/abc 200 李明" + Environment.NewLine + "INF /read/abc 404 王芳" + Environment.NewLine, Encoding.UTF8.GetString(output.ToArray()));
    }
}
