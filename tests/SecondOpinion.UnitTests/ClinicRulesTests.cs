using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Clinics;

namespace SecondOpinion.UnitTests;

public class ClinicRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "fewer than 3")]
    [InlineData(2, "fewer than 3")]
    [InlineData(3, "3")]
    [InlineData(250, "250")]
    public void A_count_of_one_or_two_is_hidden_so_it_cannot_point_to_a_person(int count, string shown)
    {
        Assert.Equal(shown, StartLinkCounts.Show(count));
    }

    [Fact]
    public void The_clinic_becomes_the_plans_picked_doctor_with_its_records_address_and_fax()
    {
        var planId = Guid.NewGuid();
        var clinic = new Clinic
        {
            Name = "Riverside Heart Clinic",
            Phone = "555-201-3000",
            RecordsAddress = "12 River Road",
            RecordsFax = "555-201-3099",
        };

        var doctor = clinic.AsDoctorFor(planId, Now);

        Assert.Equal(planId, doctor.PlanId);
        Assert.True(doctor.IsSecondOpinionDoctor);
        Assert.Equal("Riverside Heart Clinic", doctor.Name);
        Assert.Equal("Riverside Heart Clinic", doctor.Practice);
        Assert.Equal("555-201-3000", doctor.Phone);
        Assert.Equal("12 River Road", doctor.Address);
        Assert.Equal("555-201-3099", doctor.Fax);
        Assert.Equal(DoctorStatus.Considering, doctor.Status);
    }

    [Theory]
    [InlineData("Riverside Heart Clinic", true)]
    [InlineData("St. Mary's – Cardiology (2nd floor)", true)]
    [InlineData("", false)]
    [InlineData("Bad\0Name", false)]
    [InlineData("Bell\u0007Name", false)]
    public void A_clinic_name_is_checked(string name, bool valid)
    {
        var result = new ClinicRules.NewClinicValidator().Validate(new ClinicRules.NewClinic(name, "staff@example.com"));

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void An_address_may_have_line_breaks_and_a_name_no_control_characters()
    {
        var validator = new ClinicRules.DetailsValidator();

        Assert.True(validator.Validate(new ClinicRules.DetailsInput { Name = "Riverside", RecordsAddress = "12 River Road\r\nSpringfield" }).IsValid);
        Assert.False(validator.Validate(new ClinicRules.DetailsInput { Name = "River\u0000side" }).IsValid);
    }
}
