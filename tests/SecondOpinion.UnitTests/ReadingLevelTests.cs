using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

/// <summary>The app's guidance must read at grade 8 or below (Flesch-Kincaid).</summary>
public class ReadingLevelTests
{
    public static TheoryData<int> Steps() => new(Enum.GetValues<Step>().Select(s => (int)s));

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_step_explanation_reads_at_grade_eight_or_below(int step)
    {
        var guide = StepGuides.For((Step)step);
        var text = string.Join(" ", guide.Explanation.Append(guide.Summary));

        var grade = ReadingLevel.FleschKincaidGrade(text);

        Assert.True(grade <= 8.0, $"Step {step} reads at grade {grade:0.0}: {text}");
    }

    [Fact]
    public void The_measure_tells_plain_text_from_dense_text()
    {
        Assert.True(ReadingLevel.FleschKincaidGrade("Call your doctor. Ask for a name. Write it down.") < 4);
        Assert.True(ReadingLevel.FleschKincaidGrade(
            "Comprehensive multidisciplinary evaluation necessitates consideration of histopathological characteristics, " +
            "immunohistochemical profiles, and radiological manifestations prior to therapeutic determination.") > 16);
    }
}
