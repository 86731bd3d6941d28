using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Commands;
using SecondOpinion.Web.Pages.Questions;

namespace SecondOpinion.IntegrationTests;

/// <summary>Many people writing to one plan at once: nothing acknowledged is lost, nothing is silently overwritten.</summary>
public class DurabilityTests
{
    private const int Writers = 16;
    private const int RoundsPerWriter = 6;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixteen_writers_on_one_plan_lose_nothing_and_see_every_conflict()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        // Put in directly, so step 5 is not started yet and the writers' first questions all start it at once.
        await app.AddQuestionsDirectlyAsync(plan, 1, Token);
        var sharedId = await app.QueryAsync(db => db.Questions.Select(q => q.Id).SingleAsync(Token));
        var writers = new List<AppClient> { owner };
        for (var i = 1; i < Writers; i++)
        {
            writers.Add(await app.OtherPersonAsync(plan, PlanRole.Caregiver, Token));
        }

        var added = new ConcurrentBag<string>();
        var savedEdits = new ConcurrentBag<string>();
        var conflicts = 0;
        await Task.WhenAll(writers.Select((client, w) => Task.Run(async () =>
        {
            for (var round = 0; round < RoundsPerWriter; round++)
            {
                var text = $"Writer {w} question {round}";
                var list = await client.AddQuestionAsync(plan, text, Token);
                Assert.Equal(HttpStatusCode.OK, list.Status);
                Assert.Contains(text, list.QuestionTexts());
                added.Add(text);

                var form = await client.GetAsync($"{plan}/questions/{sharedId}", Token);
                var edit = $"Edited by writer {w} in round {round}";
                var after = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Text"] = edit }, cancellationToken: Token);
                Assert.Equal(HttpStatusCode.OK, after.Status);
                if (after.Url.AbsolutePath.EndsWith("/questions", StringComparison.Ordinal))
                {
                    savedEdits.Add(edit);
                }
                else
                {
                    // Not saved: the person is told, and what they typed is still in the form.
                    Assert.Contains(QuestionRules.ChangedBySomeoneElse, after.ErrorSummary);
                    Assert.Equal(edit, after.Value("Input_Text"));
                    Interlocked.Increment(ref conflicts);
                }
            }
        }, Token)));
        foreach (var writer in writers.Skip(1))
        {
            writer.Dispose();
        }

        var texts = await app.QueryAsync(db => db.Questions.Where(q => q.Id != sharedId).Select(q => q.Text).ToListAsync(Token));
        Assert.Equal(added.Order(), texts.Order());
        var shared = await app.QueryAsync(db => db.Questions.SingleAsync(q => q.Id == sharedId, Token));
        // Every saved edit moved the version on by one, so none overwrote another unseen.
        Assert.Equal(savedEdits.Count, shared.Version);
        Assert.Contains(shared.Text, savedEdits);
        Assert.Equal(Writers * RoundsPerWriter, savedEdits.Count + conflicts);
        Assert.Equal("ok", await IntegrityCheckAsync(app.DatabasePath));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_backup_taken_while_people_write_is_sound_and_restores_everything_saved_before_it()
    {
        var restoreFolder = Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N"));
        var email = Journeys.NewEmail();
        string plan;
        var savedBefore = new List<string>();
        await using (var app = new TestApp())
        {
            using var client = new AppClient(app);
            await client.SignUpAsync(email, Token);
            plan = Journeys.PlanPath((await client.StartPlanAsync(cancellationToken: Token)).Url);
            for (var i = 0; i < 5; i++)
            {
                await client.AddQuestionAsync(plan, $"Saved before the backup {i}", Token);
                savedBefore.Add($"Saved before the backup {i}");
            }

            using var stop = new CancellationTokenSource();
            var writing = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await client.AddQuestionAsync(plan, $"Written during the backup {i}", Token);
                }
            }, Token);
            var output = new StringWriter();
            var exitCode = await AppCommands.RunAsync(app.Services, ["backup", Path.Combine(restoreFolder, "app.db")], output, Token);
            await stop.CancelAsync();
            await writing;

            Assert.Equal(0, exitCode);
            Assert.Contains("Backed up the database", output.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("ok", await IntegrityCheckAsync(Path.Combine(restoreFolder, "app.db")));
        // Restoring is starting the app on the copy (README, "Backup and restore").
        await using (var restored = new TestApp(folder: restoreFolder))
        {
            using var client = new AppClient(restored);
            await client.SignInAsync(email, cancellationToken: Token);
            var list = await client.GetAsync($"{plan}/questions", Token);

            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Equal(savedBefore, list.QuestionTexts().Take(savedBefore.Count));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(restoreFolder, recursive: true);
    }

    /// <summary>SQLite's own check of the whole file: "ok" when every page and index is sound.</summary>
    public static async Task<string> IntegrityCheckAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }
}
