using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
                    provider.GetRequiredService<IHostEnvironment>())));
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

    /// <summary>Creates the database on first start and applies any migrations it has not had yet.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
    }
}
