namespace SecondOpinion.Web.Domain;

/// <summary>The rules of the plan's doctors list (steps 1 and 2) and the words for its choices.</summary>
public static class DoctorList
{
    /// <summary>
    /// A name from the person's own doctor belongs to step 1; a name from anywhere else belongs to
    /// step 2. Adding a doctor starts that step (the first doctor of each kind is what starts it).
    /// </summary>
    public static Step StepStartedBy(DoctorSource source) =>
        source == DoctorSource.MyDoctor ? Step.AskYourDoctor : Step.AskSomeoneYouTrust;

    /// <summary>
    /// The first half of making <paramref name="chosen"/> the second-opinion doctor: any other
    /// doctor who was picked is unpicked. Save this before <see cref="Pick"/>: at most one doctor
    /// per plan may be picked (a unique index), and a database may check that row by row, so the
    /// old pick has to be gone before the new one is written. Answers whether anyone was unpicked.
    /// </summary>
    public static bool UnpickAllBut(IEnumerable<Doctor> planDoctors, Doctor chosen)
    {
        var unpicked = false;
        foreach (var doctor in planDoctors.Where(d => d.IsSecondOpinionDoctor && d.Id != chosen.Id))
        {
            doctor.IsSecondOpinionDoctor = false;
            unpicked = true;
        }

        return unpicked;
    }

    /// <summary>
    /// Makes <paramref name="chosen"/> the second-opinion doctor, after <see cref="UnpickAllBut"/>
    /// is saved. A doctor marked "not this one" goes back to "considering".
    /// </summary>
    public static void Pick(Doctor chosen)
    {
        chosen.IsSecondOpinionDoctor = true;
        if (chosen.Status == DoctorStatus.NotThisOne)
        {
            chosen.Status = DoctorStatus.Considering;
        }
    }

    /// <summary>A doctor the person has ruled out cannot stay their second-opinion doctor.</summary>
    public static void SetStatus(Doctor doctor, DoctorStatus status)
    {
        doctor.Status = status;
        if (status == DoctorStatus.NotThisOne)
        {
            doctor.IsSecondOpinionDoctor = false;
        }
    }

    public static string Label(this DoctorSource source) => source switch
    {
        DoctorSource.MyDoctor => "My doctor recommended them",
        DoctorSource.SomeoneITrust => "Someone I trust",
        DoctorSource.TeachingHospital => "A teaching hospital",
        DoctorSource.MedicalSociety => "A medical society",
        DoctorSource.MyInsurance => "My insurance",
        DoctorSource.Other => "Somewhere else",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string Label(this DoctorStatus status) => status switch
    {
        DoctorStatus.Considering => "Thinking about them",
        DoctorStatus.Contacted => "Contacted",
        DoctorStatus.AppointmentBooked => "Appointment booked",
        DoctorStatus.NotThisOne => "Not this one",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Step 2's guidance on where else to find names (grade 8 or below; a unit test checks).</summary>
    public static IReadOnlyList<string> OtherPlacesToLook { get; } =
    [
        "Ask a doctor you trust, like a doctor you saw before. They may know who treats your problem.",
        "Ask a friend or family member who had the same health problem. Ask who they saw and if they liked that doctor.",
        "Call a teaching hospital near you. Ask for the department that treats your problem, and ask for names.",
        "Call a medical society. That is a group of doctors who treat the same kind of problem. Many have a list of doctors on their website.",
    ];

    /// <summary>What board certification means, in plain words.</summary>
    public static IReadOnlyList<string> BoardCertification { get; } =
    [
        "A board-certified doctor has passed extra tests in their field, such as heart care or cancer care. They must keep learning to stay certified.",
        "You can check this for free. You can also check that the doctor has a license in your state.",
    ];
}
