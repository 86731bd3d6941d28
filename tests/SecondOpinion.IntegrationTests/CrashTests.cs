using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// The app, run as its own process, is killed with SIGKILL while people are adding questions, 20
/// times. After every kill the database passes SQLite's integrity check and holds every question
/// the app had answered with a redirect (its "saved"). This is the evidence for keeping SQLite's
/// synchronous level (see docs/benchmarks.md).
/// </summary>
public class CrashTests
{
    private const int Kills = 20;
    private const int WritersAtOnce = 4;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>What the app printed (warnings and errors only), shown when a write fails.</summary>
    private static readonly ConcurrentQueue<string> AppOutput = new();

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Killing_the_app_while_it_writes_loses_no_saved_question_and_never_corrupts_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "app.db");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        using var client = new AppClient(address);
        using var writer = new AppClient(address, followRedirects: false);
        var saved = new List<string>();
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                using var app = await StartAsync(address, folder, database);
                if (kill == 0)
                {
                    var email = Journeys.NewEmail();
                    await client.SubmitSignUpAsync(email, Token);
                    var confirm = Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f).TextBody ?? "")
                        .Select(body => System.Text.RegularExpressions.Regex.Match(body, @"http\S+/account/confirm-email\S*").Value).Single(link => link.Length > 0);
                    await client.ConfirmEmailAsync(confirm, Token);
                    await writer.SignInAsync(email, cancellationToken: Token);
                }

                // A fresh plan each time, so the list never reaches its 200 questions. The sign-in
                // cookie outlives restarts: its keys are kept beside the database.
                var plan = Journeys.PlanPath((await client.StartPlanAsync(cancellationToken: Token)).Url);
                var form = await writer.GetAsync($"{plan}/questions", Token);
                var token = form.Document.QuerySelector("#add-question input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                using var stop = new CancellationTokenSource();
                var acknowledged = new StrongBox<int>();
                var writes = Enumerable.Range(0, WritersAtOnce)
                    .Select(w => WriteUntilKilledAsync(writer, plan, token, $"{kill}-{w}", acknowledged, stop.Token)).ToList();
                // Killed at a random moment once writing is under way, however slow the machine is.
                while (Volatile.Read(ref acknowledged.Value) == 0 && !writes.All(w => w.IsCompleted))
                {
                    await Task.Delay(20, Token);
                }

                await Task.Delay(Random.Shared.Next(0, 400), Token);
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(Token);
                await stop.CancelAsync();
                foreach (var done in await Task.WhenAll(writes))
                {
                    saved.AddRange(done);
                }

                Assert.Equal("ok", await DurabilityTests.IntegrityCheckAsync(database));
                var stored = await QuestionTextsAsync(database);
                Assert.Subset(stored, saved.ToHashSet(StringComparer.Ordinal));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        Assert.True(saved.Count >= Kills, $"Only {saved.Count} questions were saved in {Kills} runs: the test did not write enough to show anything.");
    }

    /// <summary>Adds questions one after another until the app dies; returns the texts it acknowledged.</summary>
    private static async Task<List<string>> WriteUntilKilledAsync(
        AppClient writer, string plan, string token, string prefix, StrongBox<int> acknowledgedCount, CancellationToken stop)
    {
        var acknowledged = new List<string>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var text = $"Question {prefix}-{i}";
            try
            {
                var answer = await writer.PostAsync($"{plan}/questions?handler=Add", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Text"] = text,
                }, stop);
                // Saved: the app sends the person back to the list.
                Assert.True(answer.Status == HttpStatusCode.Redirect, $"{answer.Status}: {string.Join("\n", AppOutput.TakeLast(40))}");
                Assert.Equal($"{plan}/questions", answer.Url.AbsolutePath);
                acknowledged.Add(text);
                Interlocked.Increment(ref acknowledgedCount.Value);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                return acknowledged;
            }
        }

        return acknowledged;
    }

    /// <summary>The web app's own build output, started the way an operator would: dotnet SecondOpinion.Web.dll.</summary>
    private static async Task<Process> StartAsync(Uri address, string folder, string database)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SecondOpinion.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["App__PublicOrigin"] = address.ToString(),
                ["ConnectionStrings__SecondOpinion"] = $"Data Source={database}",
                ["Email__PickupDirectory"] = Path.Combine(folder, "mail"),
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        var app = Process.Start(start)!;
        app.OutputDataReceived += (_, line) => AppOutput.Enqueue(line.Data ?? "");
        app.ErrorDataReceived += (_, line) => AppOutput.Enqueue(line.Data ?? "");
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var live = await probe.GetAsync("/health", Token);
                if (live.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.False(app.HasExited, "The app stopped while starting.");
            await Task.Delay(100, Token);
        }

        app.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not start within 30 seconds.");
    }

    private static async Task<HashSet<string>> QuestionTextsAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Text\" FROM \"Questions\"";
        var texts = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
