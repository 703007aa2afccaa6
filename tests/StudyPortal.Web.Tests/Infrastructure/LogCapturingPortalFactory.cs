using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>The secured portal with a Serilog sink the test owns (the app reads sinks from its services), so a test can say what reached the log.</summary>
public sealed class LogCapturingPortalFactory : SecuredPortalFactory
{
    public LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<string> Warnings() =>
        _events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage()).ToList();

    public IReadOnlyList<string> Errors(DateTimeOffset since) =>
        _events.Where(e => e.Level >= LogEventLevel.Error && e.Timestamp >= since).Select(e => e.RenderMessage() + " " + e.Exception?.GetType().Name).ToList();
}
