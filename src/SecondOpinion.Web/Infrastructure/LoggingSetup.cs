using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Logs go to the console, and to a file when <c>Logging:FilePath</c> is set. Health details must
/// never reach a log: request lines carry the method, path, status and time only (no query
/// string, no form values), and EF Core never logs parameter values.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddAppLogging(this IServiceCollection services)
    {
        services.AddSerilog((provider, log) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            log.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                // Always quiet, whatever the configuration says: the hosting log writes whole URLs,
                // query strings included, and our own request line replaces it.
                .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With<TokensMasked>()
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            var filePath = configuration["Logging:FilePath"];
            if (!string.IsNullOrWhiteSpace(filePath))
            {
                log.WriteTo.File(filePath, formatProvider: CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            }
        }, preserveStaticLogger: true);
        return services;
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This app's own logger, not the static one, so several apps in one process (the
            // tests) each log their own requests.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });

    /// <summary>
    /// A link token in a path (an invite) opens a plan, so no log event shows one: in every
    /// property (the request line's RequestPath, the RequestPath that ASP.NET Core's request scope
    /// puts on every event logged while the request runs, routing's path and route values, a
    /// handler's arguments) a path segment that looks like a token becomes a placeholder.
    /// </summary>
    private sealed class TokensMasked : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            foreach (var (name, value) in logEvent.Properties.ToList())
            {
                var masked = Masked(value);
                if (!ReferenceEquals(masked, value))
                {
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
                }
            }
        }

        private static LogEventPropertyValue Masked(LogEventPropertyValue value) => value switch
        {
            ScalarValue { Value: string text } when WithoutTokens(text) is var clean && clean != text => new ScalarValue(clean),
            SequenceValue sequence when sequence.Elements.Select(Masked).ToList() is var elements
                                        && !elements.SequenceEqual(sequence.Elements) => new SequenceValue(elements),
            _ => value,
        };

        private static string WithoutTokens(string path) =>
            string.Join('/', path.Split('/').Select(segment => SecretTokens.LooksValid(segment) ? "{token}" : segment));
    }
}
