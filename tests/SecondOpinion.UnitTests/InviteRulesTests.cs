using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class InviteRulesTests
{
    private const string AlreadyIn = "This person is already on the staff.";

    private static string? Refusal(string address, string[] emailsIn, string[] emailsWaiting, int maxWaiting = 3) =>
        EmailInvite.Refusal(address, emailsIn, AlreadyIn, emailsWaiting, maxWaiting, "A clinic");

    [Fact]
    public void A_new_address_with_room_for_more_invites_may_be_invited()
    {
        Assert.Null(Refusal("new@example.test", ["in@example.test"], ["waiting@example.test"]));
    }

    [Fact]
    public void Someone_already_in_is_not_invited_again_whatever_the_case_of_their_email()
    {
        Assert.Equal(AlreadyIn, Refusal("In@Example.TEST", ["in@example.test"], []));
    }

    [Fact]
    public void A_second_invite_to_a_waiting_address_points_to_sending_the_first_again()
    {
        Assert.Equal("An invite to this email is already waiting. You can send it again below.",
            Refusal("WAITING@example.test", [], ["waiting@example.test"]));
    }

    [Fact]
    public void No_more_invites_wait_than_the_place_allows()
    {
        Assert.Equal("A clinic can have at most 2 invites waiting. Cancel one you do not need first.",
            Refusal("third@example.test", [], ["a@example.test", "b@example.test"], maxWaiting: 2));
    }
}
