using System.Globalization;
using Serilog;
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
                // The data protection keys are kept in the database beside the data they protect,
                // so its warning that they are not encrypted separately is expected.
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogEventLevel.Error)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
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
            // A link token in the path (an invite) opens a plan: the log shows a placeholder.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(WithoutTokens(path))),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });

    private static string WithoutTokens(string path) =>
        string.Join('/', path.Split('/').Select(segment => SecretTokens.LooksValid(segment) ? "{token}" : segment));
}
