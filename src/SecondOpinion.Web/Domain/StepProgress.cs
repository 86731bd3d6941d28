namespace SecondOpinion.Web.Domain;

/// <summary>Where a plan stands on one of the six steps, with the person's notes.</summary>
public class StepProgress : IPlanOwned, IVersioned
{
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public Step Step { get; set; }
    public StepStatus Status { get; private set; }
    public string? Notes { get; set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public void SetStatus(StepStatus status, DateTime nowUtc)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        UpdatedAtUtc = nowUtc;
        switch (status)
        {
            case StepStatus.NotStarted:
                StartedAtUtc = null;
                DoneAtUtc = null;
                break;
            case StepStatus.InProgress:
                StartedAtUtc ??= nowUtc;
                DoneAtUtc = null;
                break;
            case StepStatus.Done:
                StartedAtUtc ??= nowUtc;
                DoneAtUtc = nowUtc;
                break;
        }
    }
}
