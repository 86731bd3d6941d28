using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.UnitTests;

public class DoctorAndInsuranceRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DoctorSource.MyDoctor, Step.AskYourDoctor)]
    [InlineData(DoctorSource.SomeoneITrust, Step.AskSomeoneYouTrust)]
    [InlineData(DoctorSource.TeachingHospital, Step.AskSomeoneYouTrust)]
    [InlineData(DoctorSource.MedicalSociety, Step.AskSomeoneYouTrust)]
    [InlineData(DoctorSource.MyInsurance, Step.AskSomeoneYouTrust)]
    [InlineData(DoctorSource.Other, Step.AskSomeoneYouTrust)]
    public void A_doctor_starts_step_one_when_your_doctor_named_them_and_step_two_otherwise(DoctorSource source, Step step)
    {
        Assert.Equal(step, DoctorList.StepStartedBy(source));
    }

    [Fact]
    public void Picking_a_doctor_unpicks_the_one_picked_before()
    {
        var lee = new Doctor { Id = 1, Name = "Dr. Lee", IsSecondOpinionDoctor = true };
        var park = new Doctor { Id = 2, Name = "Dr. Park" };
        var kim = new Doctor { Id = 3, Name = "Dr. Kim" };

        Assert.True(DoctorList.UnpickAllBut([lee, park, kim], park));
        Assert.DoesNotContain(new[] { lee, park, kim }, d => d.IsSecondOpinionDoctor);
        DoctorList.Pick(park);

        Assert.Equal([park], new[] { lee, park, kim }.Where(d => d.IsSecondOpinionDoctor));
        Assert.False(DoctorList.UnpickAllBut([lee, park, kim], park));
    }

    [Fact]
    public void Picking_a_doctor_marked_not_this_one_puts_them_back_to_considering()
    {
        var lee = new Doctor { Id = 1, Name = "Dr. Lee", Status = DoctorStatus.NotThisOne };

        DoctorList.Pick(lee);

        Assert.True(lee.IsSecondOpinionDoctor);
        Assert.Equal(DoctorStatus.Considering, lee.Status);
    }

    [Fact]
    public void Ruling_out_the_picked_doctor_unpicks_them_and_other_statuses_keep_the_pick()
    {
        var lee = new Doctor { Id = 1, Name = "Dr. Lee", IsSecondOpinionDoctor = true };

        DoctorList.SetStatus(lee, DoctorStatus.AppointmentBooked);
        Assert.True(lee.IsSecondOpinionDoctor);

        DoctorList.SetStatus(lee, DoctorStatus.NotThisOne);
        Assert.False(lee.IsSecondOpinionDoctor);
    }

    [Theory]
    [InlineData("555-123-4567", true)]
    [InlineData("(555) 123-4567", true)]
    [InlineData("+1 555 123 4567", true)]
    [InlineData("555.123.4567 ext. 204", true)]
    [InlineData("555-123-4567 x12", true)]
    [InlineData("", true)]
    [InlineData("123-4567", true)]
    [InlineData("12345", false)]
    [InlineData("call the front desk", false)]
    [InlineData("555-CALL-NOW", false)]
    [InlineData("1234567890123456", false)]
    public void Phone_numbers_are_digits_with_the_usual_marks(string number, bool valid)
    {
        Assert.Equal(valid, TextRules.IsPhoneNumber(number));
    }

    [Fact]
    public void The_latest_answer_wins_by_call_date_then_by_when_it_was_written_down()
    {
        var older = Call(1, new DateOnly(2026, 10, 1), Monday.AddDays(5), (InsuranceQuestion.Covered, CallAnswer.No), (InsuranceQuestion.ReferralNeeded, CallAnswer.Yes));
        var newer = Call(2, new DateOnly(2026, 10, 20), Monday, (InsuranceQuestion.Covered, CallAnswer.Yes));
        var sameDayLater = Call(3, new DateOnly(2026, 10, 20), Monday.AddHours(1), (InsuranceQuestion.ApprovalNeeded, CallAnswer.NotSure));

        var findings = InsuranceQuestions.Latest([older, sameDayLater, newer]).ToDictionary(f => f.Question);

        Assert.Equal(CallAnswer.Yes, findings[InsuranceQuestion.Covered].Answer);
        Assert.Equal(new DateOnly(2026, 10, 20), findings[InsuranceQuestion.Covered].CalledOn);
        Assert.Equal(CallAnswer.Yes, findings[InsuranceQuestion.ReferralNeeded].Answer);
        Assert.Equal(new DateOnly(2026, 10, 1), findings[InsuranceQuestion.ReferralNeeded].CalledOn);
        Assert.Equal(CallAnswer.NotSure, findings[InsuranceQuestion.ApprovalNeeded].Answer);
        Assert.False(findings[InsuranceQuestion.ApprovalNeeded].IsKnown);
        Assert.Equal(CallAnswer.NotAsked, findings[InsuranceQuestion.WhatIWillPay].Answer);
        Assert.Null(findings[InsuranceQuestion.WhatIWillPay].CalledOn);
        Assert.Equal(6, findings.Count);
    }

    [Fact]
    public void A_later_not_sure_replaces_an_earlier_yes()
    {
        var first = Call(1, new DateOnly(2026, 10, 1), Monday, (InsuranceQuestion.InNetworkNeeded, CallAnswer.Yes));
        var second = Call(2, new DateOnly(2026, 10, 2), Monday, (InsuranceQuestion.InNetworkNeeded, CallAnswer.NotSure));

        var finding = InsuranceQuestions.Latest([first, second]).Single(f => f.Question == InsuranceQuestion.InNetworkNeeded);

        Assert.Equal(CallAnswer.NotSure, finding.Answer);
        Assert.False(finding.IsKnown);
    }

    [Fact]
    public void Setting_an_answer_twice_changes_it_in_place()
    {
        var call = new InsuranceCall { Company = "Blue Valley" };

        call.SetAnswer(InsuranceQuestion.Covered, CallAnswer.NotSure, "  ");
        call.SetAnswer(InsuranceQuestion.Covered, CallAnswer.Yes, " Covered ");

        var answer = Assert.Single(call.Answers);
        Assert.Equal(CallAnswer.Yes, answer.Answer);
        Assert.Equal("Covered", answer.Note);
    }

    [Theory]
    [InlineData(CoverageKind.OriginalMedicare, "20%")]
    [InlineData(CoverageKind.OriginalMedicare, "third opinion")]
    [InlineData(CoverageKind.OriginalMedicare, "do not need a referral")]
    [InlineData(CoverageKind.MedicareAdvantage, "referral")]
    [InlineData(CoverageKind.MedicareAdvantage, "approve the visit")]
    [InlineData(CoverageKind.MedicareAdvantage, "network")]
    [InlineData(CoverageKind.EmployerOrPrivate, "Some states have laws")]
    public void Each_kind_of_coverage_carries_its_facts(CoverageKind kind, string fact)
    {
        Assert.Contains(CoverageFacts.For(kind).SelectMany(s => s.Facts), f => f.Contains(fact, StringComparison.Ordinal));
    }

    [Fact]
    public void Original_medicare_facts_are_not_shown_to_people_with_other_coverage()
    {
        foreach (var kind in new[] { CoverageKind.MedicareAdvantage, CoverageKind.Medicaid, CoverageKind.EmployerOrPrivate, CoverageKind.None })
        {
            Assert.DoesNotContain(CoverageFacts.For(kind).SelectMany(s => s.Facts), f => f.Contains("20%", StringComparison.Ordinal));
        }
    }

    private static InsuranceCall Call(int id, DateOnly calledOn, DateTime writtenAt, params (InsuranceQuestion Question, CallAnswer Answer)[] answers)
    {
        var call = new InsuranceCall { Id = id, Company = "Blue Valley", CalledOn = calledOn, CreatedAtUtc = writtenAt };
        foreach (var question in InsuranceQuestions.All)
        {
            var given = answers.FirstOrDefault(a => a.Question == question);
            call.SetAnswer(question, answers.Any(a => a.Question == question) ? given.Answer : CallAnswer.NotAsked, null);
        }

        return call;
    }
}
