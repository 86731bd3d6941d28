using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// Copies the SQLite database with SQLite's online backup, which gives a consistent copy while
/// the app goes on reading and writing. To restore, stop the app and put the copy in place of
/// the database file (see the README).
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} already exists. Choose a new file name, so no backup is overwritten.");
            return 1;
        }

        var db = services.GetRequiredService<AppDbContext>();
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
        await output.WriteLineAsync($"Backed up the database to {target}.");
        return 0;
    }
}
