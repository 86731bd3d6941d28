using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// Moves an SQLite installation to PostgreSQL: copies every table of the model from the
/// configured SQLite database into the PostgreSQL database named by a connection string. The
/// target gets its migrations first and must be empty; every table is copied in foreign-key order
/// (a row's parents before it) in one transaction, so a failed copy leaves the target empty. The
/// data-protection keys are not copied (on SQLite they are files), so people sign in again once.
/// </summary>
public static class CopyToPostgreSqlCommand
{
    /// <summary>Rows saved per round trip: big enough to be quick, small enough to keep memory flat.</summary>
    private const int Batch = 1_000;

    public static async Task<int> RunAsync(IServiceProvider services, string connectionString, TextWriter output, CancellationToken cancellationToken)
    {
        var source = services.GetRequiredService<AppDbContext>();
        if (source is PostgreSqlAppDbContext)
        {
            await output.WriteLineAsync("The configured database is PostgreSQL already. Run this with the SQLite database to copy as the configured one.");
            return 1;
        }

        // The app's services give the model what they give the app's own contexts (Identity's
        // store options: which version of its tables, passkeys included).
        await using var target = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UseNpgsql(connectionString).UseApplicationServiceProvider(services).Options);
        await target.Database.MigrateAsync(cancellationToken);
        var tables = InForeignKeyOrder(source.Model);
        // One read transaction on SQLite: the copy is one moment of the source, even if it is in use.
        await using var reading = await source.Database.BeginTransactionAsync(cancellationToken);
        await using var writing = await target.Database.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            if (await CopyMethod(nameof(HasRowsAsync), table).InvokeAsync<bool>(target, cancellationToken))
            {
                await output.WriteLineAsync($"The PostgreSQL database already has rows in {table.GetTableName()}. Copy only into a new, empty database.");
                return 1;
            }
        }

        foreach (var table in tables)
        {
            var rows = await CopyMethod(nameof(CopyRowsAsync), table).InvokeAsync<int>(source, target, cancellationToken);
            await output.WriteLineAsync($"{table.GetTableName()}: {rows} rows");
        }

        await RestartIdentityColumnsAsync(target, cancellationToken);
        await writing.CommitAsync(cancellationToken);
        await output.WriteLineAsync("Copied the database to PostgreSQL.");
        return 0;
    }

    /// <summary>The model's tables (each as its root entity type; owned types travel with their owner), each after every table it points to.</summary>
    private static List<IEntityType> InForeignKeyOrder(IModel model)
    {
        var roots = model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType table, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(table))
            {
                return;
            }

            if (!visiting.Add(table))
            {
                throw new InvalidOperationException($"The foreign keys of {table.GetTableName()} form a cycle: no order copies it.");
            }

            var parents = table.GetDerivedTypesInclusive().SelectMany(e => e.GetForeignKeys())
                .Select(key => key.PrincipalEntityType.GetRootType())
                .Where(parent => parent != table);
            foreach (var parent in parents)
            {
                Place(parent, visiting);
            }

            placed.Add(table);
            ordered.Add(table);
        }

        foreach (var root in roots)
        {
            Place(root, []);
        }

        return ordered;
    }

    private static async Task<bool> HasRowsAsync<T>(AppDbContext target, CancellationToken cancellationToken) where T : class =>
        await target.Set<T>().AnyAsync(cancellationToken);

    private static async Task<int> CopyRowsAsync<T>(AppDbContext source, AppDbContext target, CancellationToken cancellationToken) where T : class
    {
        var count = 0;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            target.Add(row);
            if (++count % Batch == 0)
            {
                await target.SaveChangesAsync(cancellationToken);
                target.ChangeTracker.Clear();
            }
        }

        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        return count;
    }

    /// <summary>
    /// The rows came with their ids, which an identity column does not count: each one is moved
    /// on past the highest id copied, so the next row added gets a new one.
    /// </summary>
    private static async Task RestartIdentityColumnsAsync(PostgreSqlAppDbContext target, CancellationToken cancellationToken)
    {
        var columns = target.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName(), Property: p)))
            .Where(c => c.Table is not null && NpgsqlPropertyExtensions.GetValueGenerationStrategy(c.Property) == NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Select(c => (Table: c.Table!, Column: c.Property.GetColumnName()))
            .Distinct();
        foreach (var (table, column) in columns)
        {
            // Names from the model, never from input; setval with false: the next id is max + 1.
#pragma warning disable EF1002
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\"",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static System.Reflection.MethodInfo CopyMethod(string name, IEntityType table) =>
        typeof(CopyToPostgreSqlCommand).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType);

    private static async Task<TResult> InvokeAsync<TResult>(this System.Reflection.MethodInfo method, params object[] arguments) =>
        await (Task<TResult>)method.Invoke(null, arguments)!;
}
