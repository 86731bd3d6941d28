using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// How many SQL statements each busy page sends, the membership check included, counted from EF
/// Core's own "Executed DbCommand" log events. A page that starts asking once per section, or
/// once per row, fails here before it is slow anywhere else.
/// </summary>
public partial class DatabaseWorkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Busy_pages_send_few_sql_statements()
    {
        await using var app = new TestApp(minimumLogLevel: "Information");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await app.AddQuestionsDirectlyAsync(plan, 50, Token);
        var request = await client.StartRecordsRequestAsync(plan, RecordsJourneys.CompleteAuthorization(app), Token);

        var counts = new Dictionary<string, int>
        {
            ["home"] = await StatementsAsync(app, client, plan),
            ["questions"] = await StatementsAsync(app, client, $"{plan}/questions"),
            ["records request"] = await StatementsAsync(app, client, request.Url.AbsolutePath),
        };
        for (var step = 1; step <= 6; step++)
        {
            counts[$"step {step}"] = await StatementsAsync(app, client, $"{plan}/steps/{step}");
        }

        // Measured before this test existed: home 6, questions 3, records request 5, steps 4 to 7.
        // On top of the page's own: the sign-in's security stamp, checked on every request so a
        // sign-out elsewhere counts at once (issue 10). It was three (the account, its claims and
        // its roles, to rebuild the sign-in); now it reads the stamp alone.
        const int StampCheck = 1;
        var limits = new Dictionary<string, int>
        {
            ["home"] = 3, ["questions"] = 2, ["records request"] = 2,
            ["step 1"] = 3, ["step 2"] = 3, ["step 3"] = 4, ["step 4"] = 3, ["step 5"] = 4, ["step 6"] = 4,
        };
        Assert.Empty(counts.Where(c => c.Value > limits[c.Key] + StampCheck)
            .Select(c => $"{c.Key} sent {c.Value} statements, at most {limits[c.Key]} and {StampCheck} for the stamp check expected"));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task The_busy_pages_never_scan_a_whole_table()
    {
        await using var app = new TestApp(minimumLogLevel: "Information");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await app.AddQuestionsDirectlyAsync(plan, 5, Token);
        var request = await client.StartRecordsRequestAsync(plan, RecordsJourneys.CompleteAuthorization(app), Token);
        var before = app.Logs.Lines.Count;
        foreach (var path in new[] { plan, $"{plan}/questions", request.Url.AbsolutePath }.Concat(Enumerable.Range(1, 6).Select(s => $"{plan}/steps/{s}")))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Token)).Status);
        }

        var statements = app.Logs.Lines.Skip(before).Select(l => CommandText().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["sql"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(statements);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync(Token);
        var scans = new List<string>();
        foreach (var sql in statements)
        {
            // Aliases of real tables; a SCAN of one of them reads every row of that table.
            var tables = TableAlias().Matches(sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }

            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                var detail = reader.GetString(3);
                if (ScanOf().Match(detail) is { Success: true } scan && tables.TryGetValue(scan.Groups["alias"].Value, out var table))
                {
                    scans.Add($"{table}: {detail} in {sql}");
                }
            }
        }

        Assert.Empty(scans);
    }

    [Fact]
    public async Task Adding_a_question_saves_it_and_its_activity_line_in_one_commit()
    {
        await using var app = new TestApp(minimumLogLevel: "Debug");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        // The first question also marks step 5 started, a write of its own; the second is the usual case.
        await client.AddQuestionAsync(plan, "What are my other choices?", Token);
        var before = app.Logs.Lines.Count;

        var list = await client.AddQuestionAsync(plan, "Is there a test that would help?", Token);

        Assert.Contains("Is there a test that would help?", list.QuestionTexts());
        var lines = app.Logs.Lines.Skip(before).ToList();
        var writes = lines.Select((line, at) => (At: at, Sql: CommandText().Match(line).Groups["sql"].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .Where(w => WriteStatement().IsMatch(w.Sql)).ToList();
        Assert.Contains(writes, w => w.Sql.Contains("INSERT INTO \"Questions\"", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Sql.Contains("INSERT INTO \"PlanActivities\"", StringComparison.Ordinal));
        var begun = lines.FindIndex(l => l.Contains("Beginning transaction", StringComparison.Ordinal));
        var committed = lines.FindIndex(l => l.Contains("Committed transaction", StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l.Contains("Committed transaction", StringComparison.Ordinal)));
        // Step 5's conditional "mark started" update is a statement of its own; once the step is
        // started it matches no row, so SQLite writes (and flushes) nothing for it.
        Assert.Empty(writes.Where(w => (w.At < begun || w.At > committed) && !w.Sql.Contains("UPDATE \"StepProgress\"", StringComparison.Ordinal)).Select(w => w.Sql));
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE)\b")]
    private static partial Regex WriteStatement();

    [GeneratedRegex("""commandText="(?<sql>.*?)" EventId=""", RegexOptions.Singleline)]
    private static partial Regex CommandText();

    [GeneratedRegex(@"(FROM|JOIN) ""(?<table>\w+)"" AS ""(?<alias>\w+)""")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^SCAN (?<alias>\w+)")]
    private static partial Regex ScanOf();

    /// <summary>The statements one GET of the page sent (a warm second visit, as people see it).</summary>
    private static async Task<int> StatementsAsync(TestApp app, AppClient client, string path)
    {
        var warm = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, warm.Status);
        var before = Executed(app);
        var page = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return Executed(app) - before;
    }

    private static int Executed(TestApp app) => app.Logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
}
