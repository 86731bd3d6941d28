using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class OpinionAndGuidanceTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Finishing_keeps_the_first_finish_date_when_the_decision_is_changed()
    {
        var outcome = new PlanOutcome();

        outcome.Finish("  Surgery in May ", Monday);
        outcome.Finish("Surgery in June", Monday.AddDays(3));

        Assert.True(outcome.IsFinished);
        Assert.Equal(Monday, outcome.FinishedAtUtc);
        Assert.Equal("Surgery in June", outcome.Decision);
    }

    [Fact]
    public void Reopening_keeps_the_decision_written_down()
    {
        var outcome = new PlanOutcome();
        outcome.Finish("Surgery in May", Monday);

        outcome.Reopen(Monday.AddDays(1));

        Assert.False(outcome.IsFinished);
        Assert.Equal("Surgery in May", outcome.Decision);
    }

    [Fact]
    public void When_opinions_differ_the_guide_names_both_next_steps()
    {
        var text = string.Join(" ", OpinionGuide.WhenTheyDiffer);

        Assert.Contains("Talk it over with both doctors", text, StringComparison.Ordinal);
        Assert.Contains("third opinion", text, StringComparison.Ordinal);
        Assert.Contains("Part B helps pay for a third opinion when the first two differ", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Guidance()
    {
        var data = new TheoryData<string, string>
        {
            { "step 2 places to look", string.Join(" ", DoctorList.OtherPlacesToLook) },
            { "board certification", string.Join(" ", DoctorList.BoardCertification) },
            { "opinions differ", string.Join(" ", OpinionGuide.WhenTheyDiffer) },
            { "opinions agree", string.Join(" ", OpinionGuide.WhenTheyAgree) },
            { "seen in person", VisitRules.SeenInPerson },
        };
        foreach (var section in CoverageFacts.All)
        {
            data.Add($"coverage facts: {section.Heading}", string.Join(" ", section.Facts));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Guidance))]
    public void The_guidance_of_steps_one_two_three_and_six_reads_at_grade_eight_or_below(string name, string text)
    {
        var grade = ReadingLevel.FleschKincaidGrade(text);

        Assert.True(grade <= 8.0, $"{name} reads at grade {grade:0.0}: {text}");
    }
}
