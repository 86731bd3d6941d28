namespace SecondOpinion.Web.Domain;

/// <summary>What the app tells a person about one step, in plain words.</summary>
public sealed record StepGuide(
    Step Step,
    string Title,
    string Summary,
    IReadOnlyList<string> Explanation,
    string TipsHeading,
    IReadOnlyList<string> Tips)
{
    public int Number => (int)Step;
}

/// <summary>
/// The six tips of the handout, rewritten in our own plain words (grade 8 or below; a unit test
/// checks the reading level). The handout gives the facts; this is the wording people read.
/// </summary>
public static class StepGuides
{
    public static IReadOnlyList<StepGuide> All { get; } =
    [
        new(
            Step.AskYourDoctor,
            "Ask your doctor for a name",
            "Ask your doctor for the name of another doctor to see.",
            [
                "Your own doctor is a good place to start. Ask for the name of another doctor or a specialist who knows your health problem well.",
                "Do not worry about hurting your doctor's feelings. Most doctors are glad when a patient wants a second opinion. This is most true before surgery or a long treatment.",
            ],
            "Things you can say to your doctor",
            [
                "\"I want to be sure about this choice. Who would you see for a second opinion?\"",
                "\"Can you give me the name of a specialist who treats this?\"",
                "\"Can your office send my records to the new doctor?\"",
            ]),
        new(
            Step.AskSomeoneYouTrust,
            "Ask someone you trust",
            "Get names of doctors from people and places you trust.",
            [
                "If you do not want to ask your own doctor, that is fine. Ask another doctor you trust. A friend who has had the same problem may know a good doctor too.",
                "You can also call a teaching hospital near you. That is a hospital that trains new doctors. A medical society, which is a group of doctors who treat the same kind of problem, can also give you names. Some of this is online too.",
            ],
            "What to do",
            [
                "Write down each doctor's name and who told you about them.",
                "Check that the doctor treats your kind of health problem.",
                "Pick the doctor you will see.",
            ]),
        new(
            Step.CheckInsurance,
            "Check with your insurance",
            "Call your insurance to find out what they will pay for.",
            [
                "Call your insurance company before you see the new doctor. Ask if they will pay for the visit. Many plans do.",
                "Ask if there are special steps you or your doctor must follow first. For example, some plans want a note from your main doctor, called a referral.",
            ],
            "Questions to ask when you call",
            [
                "Do you pay for a second opinion?",
                "Do I need a referral from my doctor?",
                "Do I need your approval before the visit?",
                "Must the new doctor be in my plan's network?",
                "How much will I pay?",
                "Is there anything my doctor must do first?",
            ]),
        new(
            Step.SendRecords,
            "Have your medical records sent",
            "Ask your doctor's office to send your records to the new doctor.",
            [
                "The new doctor needs to see your records before your visit. Ask your doctor's office to send them.",
                "You have to give the office written permission first. You can also ask for a copy of your records for yourself.",
            ],
            "What to do",
            [
                "Ask the office to send your test results, scans, and reports.",
                "Ask for a copy for yourself.",
                "Call the new doctor's office to check that the records came before your visit.",
            ]),
        new(
            Step.LearnAndListQuestions,
            "Learn about it and list your questions",
            "Read about your health problem and write down your questions.",
            [
                "Ask your doctor for things you can read. You can also look in a library or online. Some teaching hospitals have libraries that anyone can use.",
                "What you read may be hard to follow. That is normal. Write down your questions and take the list with you to the visit.",
            ],
            "What to do",
            [
                "Read from places you can trust.",
                "Write down each question as you think of it.",
                "Put the most important questions first.",
            ]),
        new(
            Step.BeSeenInPerson,
            "See the new doctor in person",
            "Have the new doctor see you in person, not just by phone or online.",
            [
                "A phone call or a look at your file online is not enough. The new doctor needs to see you.",
                "At the visit, the doctor will examine you and may order tests. The doctor will also read your records, ask you questions, and answer yours.",
            ],
            "What to bring",
            [
                "Your list of questions.",
                "A copy of your records.",
                "A list of the medicines you take.",
                "Your insurance card.",
                "Someone to come with you, if you like.",
            ]),
    ];

    public static StepGuide For(Step step) => All[(int)step - 1];
}
