namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// Operator commands run from the shell with the app's own configuration, instead of the web
/// server: <c>dotnet SecondOpinion.Web.dll backup &lt;file&gt;</c>. Each command is one case here.
/// </summary>
public static class AppCommands
{
    public static bool IsCommand(IReadOnlyList<string> args) => args is ["backup" or "clinics" or "copy-to-postgresql" or "seed-benchmark", ..];

    /// <summary>Runs the command and returns the process exit code (0 when it worked).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        switch (args)
        {
            case ["backup", var file]:
                return await BackupCommand.RunAsync(scope.ServiceProvider, file, output, cancellationToken);
            case ["clinics", "add", var name, var email]:
                return await ClinicsCommand.AddAsync(scope.ServiceProvider, name, email, output, cancellationToken);
            case ["clinics", "list"]:
                return await ClinicsCommand.ListAsync(scope.ServiceProvider, output, cancellationToken);
            case ["copy-to-postgresql", var connectionString]:
                return await CopyToPostgreSqlCommand.RunAsync(scope.ServiceProvider, connectionString, output, cancellationToken);
            case ["seed-benchmark", var plans] when int.TryParse(plans, out var count) && count >= 0:
                return await SeedBenchmarkCommand.RunAsync(scope.ServiceProvider, count, output, cancellationToken);
            default:
                await output.WriteLineAsync("""
                    Usage:
                      backup <file>                             copy the database to <file>, safely, even while the app runs
                      clinics add "<clinic name>" <email>       make a clinic and email its first staff member an invite
                      clinics list                              show every clinic, its staff and start links
                      copy-to-postgresql "<connection string>"  copy this SQLite database into a new, empty PostgreSQL database
                      seed-benchmark <plans>                    fill an empty database for bench/run.sh: a benchmark account and <plans> other plans
                    """);
                return 2;
        }
    }
}
