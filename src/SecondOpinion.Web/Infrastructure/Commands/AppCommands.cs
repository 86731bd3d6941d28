namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// Operator commands run from the shell with the app's own configuration, instead of the web
/// server: <c>dotnet SecondOpinion.Web.dll backup &lt;file&gt;</c>. Each command is one case here.
/// </summary>
public static class AppCommands
{
    public static bool IsCommand(IReadOnlyList<string> args) => args is ["backup", ..];

    /// <summary>Runs the command and returns the process exit code (0 when it worked).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        switch (args)
        {
            case ["backup", var file]:
                return await BackupCommand.RunAsync(scope.ServiceProvider, file, output, cancellationToken);
            default:
                await output.WriteLineAsync("""
                    Usage:
                      backup <file>    copy the database to <file>, safely, even while the app runs
                    """);
                return 2;
        }
    }
}
