namespace SecondOpinion.Web.Domain;

/// <summary>How far a plan has come: what is done and the one step to suggest next.</summary>
public sealed record PlanProgress(int DoneCount, int StepCount, Step? NextStep)
{
    public bool IsComplete => NextStep is null;

    /// <summary>
    /// The next step is the first one, in the handout's order, that is not done yet.
    /// Steps can be worked on in any order, so a later step may already be done.
    /// </summary>
    public static PlanProgress From(IEnumerable<(Step Step, StepStatus Status)> steps)
    {
        var byStep = steps.ToDictionary(s => s.Step, s => s.Status);
        var all = Enum.GetValues<Step>();
        var done = all.Count(s => byStep.GetValueOrDefault(s) == StepStatus.Done);
        Step? next = all.Where(s => byStep.GetValueOrDefault(s) != StepStatus.Done)
            .Select(s => (Step?)s)
            .FirstOrDefault();
        return new PlanProgress(done, all.Length, next);
    }
}
