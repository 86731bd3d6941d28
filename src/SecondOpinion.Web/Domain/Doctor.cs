namespace SecondOpinion.Web.Domain;

/// <summary>Where the name of a possible second-opinion doctor came from.</summary>
public enum DoctorSource
{
    MyDoctor = 0,
    SomeoneITrust = 1,
    TeachingHospital = 2,
    MedicalSociety = 3,
    MyInsurance = 4,
    Other = 5,
}

public enum DoctorStatus
{
    Considering = 0,
    Contacted = 1,
    AppointmentBooked = 2,
    NotThisOne = 3,
}

/// <summary>
/// A doctor on the plan's list (steps 1 and 2). One of them can be picked as the second-opinion
/// doctor; records requests and the visit offer the plan's doctors as choices.
/// </summary>
public class Doctor : IPlanOwned, IVersioned
{
    public const int NameMaxLength = 120;
    public const int SpecialtyMaxLength = 120;
    public const int PracticeMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 40;
    public const int NotesMaxLength = 2000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string Name { get; set; }
    public string? Specialty { get; set; }

    /// <summary>Practice, clinic or hospital.</summary>
    public string? Practice { get; set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public DoctorSource Source { get; set; }

    /// <summary>Who recommended them, in the person's words ("Dr. Chen", "my sister").</summary>
    public string? RecommendedBy { get; set; }

    public DoctorStatus Status { get; set; }

    /// <summary>The doctor the person will see for the second opinion. At most one per plan.</summary>
    public bool IsSecondOpinionDoctor { get; set; }

    public string? Notes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}
