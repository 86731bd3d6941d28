using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.TestSupport;

/// <summary>
/// The whole app in process, on its own fresh SQLite file (created by the real migrations), with
/// emails written to its own folder, a clock the test controls, and every log line captured.
/// With realServer it listens on a loopback port for a real browser. When the environment
/// variable <see cref="PostgreSqlVariable"/> holds a PostgreSQL connection string (without a
/// database), each app gets its own new database on that server instead, dropped when it is
/// disposed; apps given the same folder share one, and so do two instances (<c>sameDatabaseAs</c>).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string folder;
    private readonly bool keepFolder;
    private readonly bool realServer;
    private readonly TestApp? sameDatabaseAs;

    /// <param name="folder">Pass the same folder to two apps, one after the other, to restart on the same data.</param>
    /// <param name="port">With realServer, the loopback port to listen on (0: any free one).</param>
    /// <param name="provider">SQLite or PostgreSQL whatever the environment says (PostgreSQL still needs its server there).</param>
    /// <param name="sameDatabaseAs">A second instance: its own folder (mail, logs), the other app's database (which that app drops).</param>
    public TestApp(bool realServer = false, string minimumLogLevel = "Warning", string? folder = null, int port = 0, DatabaseProvider? provider = null, TestApp? sameDatabaseAs = null)
    {
        Provider = sameDatabaseAs?.Provider ?? provider ?? (PostgreSqlServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL);
        if (Provider == DatabaseProvider.PostgreSQL && PostgreSqlServer is null)
        {
            throw new InvalidOperationException($"This test needs a PostgreSQL server: set {PostgreSqlVariable} to its connection string (./test.sh starts one).");
        }

        this.sameDatabaseAs = sameDatabaseAs;
        keepFolder = folder is not null;
        this.folder = folder ?? Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N"));
        MinimumLogLevel = minimumLogLevel;
        Directory.CreateDirectory(this.folder);
        this.realServer = realServer;
        if (realServer)
        {
            UseKestrel(port);
        }
    }

    public const string PostgreSqlVariable = "SECONDOPINION_TEST_POSTGRES";

    /// <summary>The PostgreSQL server the tests run on, or null for SQLite.</summary>
    public static string? PostgreSqlServer { get; } = Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } server ? server : null;

    /// <summary>Whether the tests run on PostgreSQL (the second run of <c>./test.sh</c>).</summary>
    public static bool OnPostgreSql => PostgreSqlServer is not null;

    public DatabaseProvider Provider { get; }

    public string MinimumLogLevel { get; }

    /// <summary>More configuration for this app (keys as in appsettings, "App:PublicOrigin"); set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Starts at the real time and moves a millisecond each time it is read, so rows made one after another are ordered.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Whether sign-in sessions expire by <see cref="Clock"/>. Off by default, so a test can move
    /// the clock on by days (deadlines, expiry) and stay signed in; the idle-timeout tests turn it on.
    /// </summary>
    public bool SessionsFollowClock { get; set; }

    /// <summary>The address every in-memory request comes from (a proxy, say); set before the first request.</summary>
    public System.Net.IPAddress? RemoteAddress { get; set; }

    /// <summary>The app's own folder: its database, its mail folder, and any other file it writes.</summary>
    public string Folder => folder;

    public string MailFolder => Path.Combine(folder, "mail");

    public string DatabasePath => sameDatabaseAs?.DatabasePath ?? Path.Combine(folder, "app.db");

    /// <summary>The app's connection string: its SQLite file, or its own database on <see cref="PostgreSqlServer"/>.</summary>
    public string ConnectionString => Provider switch
    {
        _ when sameDatabaseAs is not null => sameDatabaseAs.ConnectionString,
        DatabaseProvider.PostgreSQL => new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = $"secondopinion_test_{Path.GetFileName(folder)}".ToLowerInvariant() }.ToString(),
        _ => $"Data Source={DatabasePath}",
    };

    /// <summary>The address of the real server; call <see cref="WebApplicationFactory{T}.StartServer"/> first.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Where a browser opens the site: the configured App:PublicOrigin, else the real server's address.</summary>
    public Uri SiteAddress => Settings.TryGetValue(PublicLinks.OriginKey, out var origin) && origin is not null ? new Uri(origin) : ServerAddress;

    /// <summary>Every email the app has written to its pickup folder, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Emails() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SecondOpinion", ConnectionString);
        builder.UseSetting(DatabaseSetup.ProviderKey, Provider.ToString());
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Serilog:MinimumLevel:Default", MinimumLogLevel);
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", MinimumLogLevel);
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", MinimumLogLevel);
        if (!realServer)
        {
            // In memory there is no listening address to build emailed links from.
            builder.UseSetting("App:PublicOrigin", "http://localhost");
        }

        // Every test comes from one address and many sign in: only the rate limit tests set low limits.
        foreach (var policy in RateLimitPolicies.All)
        {
            builder.UseSetting($"{RateLimitRules.Section}:{policy}:PerAddress", "100000");
            builder.UseSetting($"{RateLimitRules.Section}:{policy}:PerAccount", "100000");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(Logs);
            if (!SessionsFollowClock)
            {
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.TimeProvider = TimeProvider.System);
            }

            if (RemoteAddress is { } remote)
            {
                services.AddTransient<IStartupFilter>(_ => new FromAddress(remote));
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (keepFolder)
        {
            return;
        }

        if (Provider == DatabaseProvider.PostgreSQL && sameDatabaseAs is null)
        {
            await DropDatabaseAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory behind.
        }
    }

    private async Task DropDatabaseAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(ConnectionString);
        await using (var connection = new NpgsqlConnection(database.ToString()))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false }.ToString());
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Makes every request come from one address, before any of the app's middleware runs.</summary>
internal sealed class FromAddress(System.Net.IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Every log event the app writes, rendered with its properties, to check what reaches logs.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}
