namespace SecondOpinion.Web.Domain;

/// <summary>
/// A clinic whose staff hand patients start links. Its details go onto every plan started from
/// one of its links: the clinic becomes the plan's second-opinion doctor and the office that
/// receives records requests.
/// </summary>
public class Clinic : IVersioned
{
    public const int NameMaxLength = Doctor.NameMaxLength;
    public const int PhoneMaxLength = Doctor.PhoneMaxLength;
    public const int AddressMaxLength = Doctor.AddressMaxLength;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? Phone { get; set; }

    /// <summary>Where records for the clinic's patients are to be sent.</summary>
    public string? RecordsAddress { get; set; }

    public string? RecordsFax { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// The clinic as a doctor on a plan it started: picked for the second opinion, with its
    /// records address and fax, so a new records request is addressed to it. No step is started:
    /// the patient has not done anything yet.
    /// </summary>
    public Doctor AsDoctorFor(Guid planId, DateTime nowUtc) => new()
    {
        PlanId = planId,
        Name = Name,
        Practice = Name,
        Address = RecordsAddress,
        Phone = Phone,
        Fax = RecordsFax,
        Source = DoctorSource.Other,
        RecommendedBy = Name,
        IsSecondOpinionDoctor = true,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };
}

/// <summary>Anything that belongs to one clinic. Queries for it always filter by clinic.</summary>
public interface IClinicOwned
{
    Guid ClinicId { get; }
}

/// <summary>An account that works for a clinic. Staff manage the clinic, its staff and its start links, and see no plan.</summary>
public class ClinicStaff : IClinicOwned
{
    public int Id { get; set; }
    public Guid ClinicId { get; set; }
    public required string UserId { get; set; }
    public DateTime JoinedAtUtc { get; set; }
}

/// <summary>An invitation to join a clinic's staff (see <see cref="EmailInvite"/> for the link's rules).</summary>
public class ClinicStaffInvite : EmailInvite, IClinicOwned
{
    public const int MaxPendingPerClinic = 20;

    public Guid ClinicId { get; set; }

    /// <summary>Empty when an operator made the clinic from the command line.</summary>
    public string? CreatedByUserId { get; set; }

    public static ClinicStaffInvite Create(Guid clinicId, string email, string? createdByUserId, string tokenHash, DateTime nowUtc) => new()
    {
        ClinicId = clinicId,
        Email = email.Trim(),
        TokenHash = tokenHash,
        CreatedByUserId = createdByUserId,
        CreatedAtUtc = nowUtc,
        ExpiresAtUtc = nowUtc + Lifetime,
    };
}

/// <summary>
/// A link a clinic hands patients (on paper, with a QR code) to start a plan with the clinic filled
/// in. Only the token's hash is kept. A retired link no longer starts plans; its counts stay.
/// </summary>
public class StartLink : IClinicOwned, ITokenHashed
{
    public const int LabelMaxLength = 100;
    public const int MaxActivePerClinic = 50;

    public int Id { get; set; }
    public Guid ClinicId { get; set; }
    public required string Label { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>Null once that staff member's account is deleted; printed links keep working.</summary>
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RetiredAtUtc { get; set; }

    public bool IsRetired => RetiredAtUtc is not null;
}
