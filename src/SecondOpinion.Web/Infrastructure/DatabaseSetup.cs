using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>Where the data lives: an SQLite file (the default) or a PostgreSQL server that several instances share.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "SecondOpinion";
    public const string ProviderKey = "Database:Provider";

    /// <summary>Health checks with this tag answer "ready" (<c>/health</c>); <c>/health/live</c> runs none.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Pooled: a request rents a context that is already built instead of making a new one.
        // AppDbContext keeps no state of its own besides EF Core's, which the pool resets.
        if (Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContextPool<AppDbContext, PostgreSqlAppDbContext>((provider, options) =>
                options.UseNpgsql(PostgreSqlConnectionString(provider.GetRequiredService<IConfiguration>())));
            // The data-protection key store asks for the context by its own type.
            services.AddScoped(provider => (PostgreSqlAppDbContext)provider.GetRequiredService<AppDbContext>());
        }
        else
        {
            services.AddDbContextPool<AppDbContext>((provider, options) =>
                options.UseSqlite(SqliteConnectionString(
                    provider.GetRequiredService<IConfiguration>(),
                    provider.GetRequiredService<IHostEnvironment>()))
                    .AddInterceptors(WaitForLocksInSqlite.Instance));
        }

        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>Database:Provider</c>: Sqlite unless it says PostgreSQL (in any case); anything else stops the app.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        if (string.IsNullOrEmpty(name))
        {
            return DatabaseProvider.Sqlite;
        }

        // By name only: Enum.TryParse would also take "1".
        return Enum.GetValues<DatabaseProvider>().Cast<DatabaseProvider?>()
            .FirstOrDefault(provider => provider.ToString()!.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{ProviderKey} is \"{name}\": it must be Sqlite or PostgreSQL.");
    }

    /// <summary>
    /// The configured connection string, which PostgreSQL must have: there is no default server.
    /// An SQLite one ("Data Source=", the default in appsettings.json) is refused, so a forgotten
    /// connection string stops the app at start with this message.
    /// </summary>
    public static string PostgreSqlConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured && !configured.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? configured
            : throw new InvalidOperationException(
                $"{ProviderKey} is PostgreSQL: set ConnectionStrings:{ConnectionStringName} to a PostgreSQL connection string (Host=...;Database=...;Username=...).");

    /// <summary>
    /// The configured connection string, or a file in a "data" folder beside the app. The folder is
    /// created so the database file can be. Microsoft.Data.Sqlite retries while another writer
    /// holds the lock, for up to "Default Timeout" seconds (30 unless the connection string says
    /// otherwise): that is the busy timeout.
    /// </summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=data/secondopinion.db");
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:"))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lets SQLite itself wait for another writer's lock, on every connection as it opens (a native
    /// call, no SQL). Without it Microsoft.Data.Sqlite gets "busy" back at once and tries again
    /// after sleeping 150 ms, holding its thread: with several people saving at the same moment,
    /// a save that waits for a commit of a millisecond or two took 150 ms or more. SQLite's own
    /// wait tries again after 1, 2, 5, 10 ms and so on, up to the same time limit
    /// ("Default Timeout", 30 s unless the connection string says otherwise).
    /// </summary>
    private sealed class WaitForLocksInSqlite : DbConnectionInterceptor
    {
        public static readonly WaitForLocksInSqlite Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            SetBusyTimeout(connection);
            return Task.CompletedTask;
        }

        private static void SetBusyTimeout(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, sqlite.DefaultTimeout * 1000);
            }
        }
    }

    /// <summary>Creates the database on first start and applies any migrations it has not had yet.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
    }
}
