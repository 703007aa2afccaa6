using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace StudyPortal.Web.Infrastructure.Logging;

/// <summary>
/// Console output a batch at a time: events are queued by Serilog's batching sink (off the request thread), formatted
/// into one buffer and written with one call. Serilog's console sink writes and flushes every line under a lock, one
/// system call per request, which on a small machine competes with the requests themselves (docs/performance.md).
/// </summary>
public sealed class BatchedConsoleSink(ITextFormatter formatter, Stream output) : IBatchedLogEventSink, IDisposable
{
    private readonly StreamWriter writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
            formatter.Format(logEvent, writer);
        await writer.FlushAsync();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => writer.Dispose();
}

/// <summary>The <c>BatchedConsole</c> sink for Serilog's configuration ("Using": ["StudyPortal.Web"]).</summary>
public static class BatchedConsoleSinkConfiguration
{
    public const string DefaultOutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static LoggerConfiguration BatchedConsole(
        this LoggerSinkConfiguration sinks,
        string outputTemplate = DefaultOutputTemplate,
        int bufferingMilliseconds = 200,
        int queueLimit = 100_000,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum)
    {
        var sink = new BatchedConsoleSink(new MessageTemplateTextFormatter(outputTemplate, CultureInfo.InvariantCulture), Console.OpenStandardOutput());
        return sinks.Sink(sink, new BatchingOptions
        {
            BatchSizeLimit = 1000,
            BufferingTimeLimit = TimeSpan.FromMilliseconds(bufferingMilliseconds),
            EagerlyEmitFirstEvent = true,
            QueueLimit = queueLimit,
        }, restrictedToMinimumLevel);
    }
}
