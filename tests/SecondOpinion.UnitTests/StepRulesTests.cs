using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class StepRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Tuesday = Monday.AddDays(1);

    [Fact]
    public void A_new_plan_has_six_steps_not_started_and_its_owner()
    {
        var plan = Plan.Start("user-1", PlanFor.SomeoneIHelp, "  Rosa Diaz ", "  ", Monday);

        Assert.Equal(Enum.GetValues<Step>(), plan.Steps.Select(s => s.Step));
        Assert.All(plan.Steps, s => Assert.Equal(StepStatus.NotStarted, s.Status));
        var owner = Assert.Single(plan.Members);
        Assert.Equal(PlanRole.Owner, owner.Role);
        Assert.Equal("Rosa Diaz", plan.PatientName);
        Assert.Null(plan.About);
        Assert.Equal("Plan for Rosa Diaz", plan.Title);
    }

    [Fact]
    public void A_plan_for_yourself_is_called_your_plan()
    {
        Assert.Equal("Your plan", Plan.TitleFor(PlanFor.Myself, "Rosa Diaz"));
        Assert.Equal("Your plan", Plan.TitleFor(PlanFor.SomeoneIHelp, " "));
    }

    [Fact]
    public void Marking_a_step_done_records_when_it_started_and_finished()
    {
        var step = new StepProgress { Step = Step.CheckInsurance };

        step.SetStatus(StepStatus.InProgress, Monday);
        step.SetStatus(StepStatus.Done, Tuesday);

        Assert.Equal(StepStatus.Done, step.Status);
        Assert.Equal(Monday, step.StartedAtUtc);
        Assert.Equal(Tuesday, step.DoneAtUtc);
    }

    [Fact]
    public void Going_back_to_in_progress_clears_the_done_date_but_keeps_the_start()
    {
        var step = new StepProgress();
        step.SetStatus(StepStatus.Done, Monday);

        step.SetStatus(StepStatus.InProgress, Tuesday);

        Assert.Equal(Monday, step.StartedAtUtc);
        Assert.Null(step.DoneAtUtc);
    }

    [Fact]
    public void Going_back_to_not_started_clears_both_dates()
    {
        var step = new StepProgress();
        step.SetStatus(StepStatus.Done, Monday);

        step.SetStatus(StepStatus.NotStarted, Tuesday);

        Assert.Null(step.StartedAtUtc);
        Assert.Null(step.DoneAtUtc);
    }

    [Fact]
    public void The_next_step_is_the_first_one_not_done_even_when_later_ones_are()
    {
        var progress = PlanProgress.From(
        [
            (Step.AskYourDoctor, StepStatus.Done),
            (Step.AskSomeoneYouTrust, StepStatus.InProgress),
            (Step.CheckInsurance, StepStatus.Done),
            (Step.SendRecords, StepStatus.NotStarted),
            (Step.LearnAndListQuestions, StepStatus.Done),
            (Step.BeSeenInPerson, StepStatus.NotStarted),
        ]);

        Assert.Equal(3, progress.DoneCount);
        Assert.Equal(6, progress.StepCount);
        Assert.Equal(Step.AskSomeoneYouTrust, progress.NextStep);
        Assert.False(progress.IsComplete);
    }

    [Fact]
    public void When_every_step_is_done_there_is_no_next_step()
    {
        var progress = PlanProgress.From(Enum.GetValues<Step>().Select(s => (s, StepStatus.Done)));

        Assert.Equal(6, progress.DoneCount);
        Assert.Null(progress.NextStep);
        Assert.True(progress.IsComplete);
    }

    [Fact]
    public void Only_owners_and_caregivers_can_edit()
    {
        Assert.True(PlanMember.CanEdit(PlanRole.Owner));
        Assert.True(PlanMember.CanEdit(PlanRole.Caregiver));
        Assert.False(PlanMember.CanEdit(PlanRole.Viewer));
    }

    [Fact]
    public void Every_plan_time_zone_exists_on_this_machine()
    {
        Assert.All(PlanTimeZones.All, zone => Assert.NotNull(PlanTimeZones.Find(zone.Id)));
        Assert.True(PlanTimeZones.IsKnown(Plan.DefaultTimeZoneId));
    }
}
