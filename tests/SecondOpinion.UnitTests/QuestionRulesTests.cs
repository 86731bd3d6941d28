using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Questions;

namespace SecondOpinion.UnitTests;

public class QuestionRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> SuggestionIds() => new(SuggestedQuestions.All.Select(s => s.Id));

    [Fact]
    public void There_are_at_least_40_suggestions_in_six_topics_each_with_several()
    {
        Assert.True(SuggestedQuestions.All.Count() >= 40, $"Only {SuggestedQuestions.All.Count()} suggestions.");
        Assert.Equal(["diagnosis", "treatment", "risks", "recovery", "costs", "second-opinion"], SuggestedQuestions.Topics.Select(t => t.Id));
        Assert.All(SuggestedQuestions.Topics, topic => Assert.True(topic.Questions.Count >= 5, $"{topic.Title} has only {topic.Questions.Count}."));
    }

    [Fact]
    public void Suggestion_ids_are_unique_and_each_is_found_by_its_id()
    {
        var ids = SuggestedQuestions.All.Select(s => s.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(id, SuggestedQuestions.Find(id)?.Id));
        Assert.Null(SuggestedQuestions.Find("no-such-question"));
        Assert.Null(SuggestedQuestions.Find(null));
    }

    [Theory]
    [MemberData(nameof(SuggestionIds))]
    public void Each_suggestion_and_its_reason_read_at_grade_eight_or_below(string id)
    {
        var suggestion = SuggestedQuestions.Find(id)!;
        var text = $"{suggestion.Text} {suggestion.Why}";

        var grade = ReadingLevel.FleschKincaidGrade(text);

        Assert.True(grade <= 8.0, $"{id} reads at grade {grade:0.0}: {text}");
        Assert.InRange(suggestion.Text.Length, 1, Question.TextMaxLength);
        Assert.False(string.IsNullOrWhiteSpace(suggestion.Why));
    }

    [Fact]
    public void Topic_introductions_places_to_read_and_the_good_source_tip_read_at_grade_eight_or_below()
    {
        var texts = SuggestedQuestions.Topics.Select(t => $"{t.Title}. {t.Intro}")
            .Concat(ReadingPlaces.All.Select(p => p.About))
            .Append(ReadingPlaces.GoodSource);

        Assert.All(texts, text =>
        {
            var grade = ReadingLevel.FleschKincaidGrade(text);
            Assert.True(grade <= 8.0, $"Grade {grade:0.0}: {text}");
        });
    }

    [Fact]
    public void Places_to_read_link_only_to_secure_web_sites()
    {
        Assert.True(ReadingPlaces.All.Count >= 3);
        Assert.All(ReadingPlaces.All.Where(p => p.Url is not null), place => Assert.StartsWith("https://", place.Url, StringComparison.Ordinal));
        Assert.Contains(ReadingPlaces.All, place => place.Name == "MedlinePlus");
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(199, 1)]
    [InlineData(200, 0)]
    [InlineData(250, 0)]
    public void The_list_has_room_for_up_to_200_questions(int count, int roomLeft)
    {
        Assert.Equal(roomLeft, QuestionList.RoomLeft(count));
    }

    [Fact]
    public void Only_questions_next_to_each_other_can_swap_places()
    {
        var list = new[] { Make(10, 1), Make(11, 2), Make(12, 3) };

        Assert.True(QuestionList.AreNeighbours(list, 10, 11));
        Assert.True(QuestionList.AreNeighbours(list, 12, 11));
        Assert.False(QuestionList.AreNeighbours(list, 10, 12));
        Assert.False(QuestionList.AreNeighbours(list, 10, 10));
        Assert.False(QuestionList.AreNeighbours(list, 10, 99));
    }

    [Fact]
    public void The_order_is_by_position_then_by_when_added()
    {
        var ordered = new[] { Make(3, 2), Make(1, 5), Make(2, 2) }.InOrder().Select(q => q.Id);

        Assert.Equal([2, 3, 1], ordered);
    }

    [Fact]
    public void Marking_asked_records_when_and_unmarking_clears_it()
    {
        var question = Make(1, 1);

        question.SetAsked(true, Monday);
        Assert.True(question.IsAsked);
        Assert.Equal(Monday, question.AskedAtUtc);

        question.SetAsked(true, Monday.AddHours(1));
        Assert.Equal(Monday, question.AskedAtUtc);

        question.SetAsked(false, Monday.AddHours(2));
        Assert.False(question.IsAsked);
        Assert.Null(question.AskedAtUtc);
    }

    [Theory]
    [InlineData("https://medlineplus.gov/", true)]
    [InlineData("http://example.com/page?x=1", true)]
    [InlineData(" https://www.cancer.gov ", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,hello", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("medlineplus.gov", false)]
    [InlineData("/plans/1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_http_and_https_addresses_count_as_web_addresses(string? url, bool valid)
    {
        Assert.Equal(valid, ReadingItem.IsWebAddress(url));
    }

    [Theory]
    [InlineData("Is it cancer?", true)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void A_question_needs_words(string? text, bool valid)
    {
        Assert.Equal(valid, new IndexModel.InputValidator().Validate(new IndexModel.InputModel { Text = text }).IsValid);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void A_question_is_at_most_500_characters(int length, bool valid)
    {
        var result = new EditModel.InputValidator().Validate(new EditModel.InputModel { Text = new string('q', length), Asked = false });

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void A_question_page_needs_to_know_whether_it_was_asked()
    {
        var result = new EditModel.InputValidator().Validate(new EditModel.InputModel { Text = "Is it cancer?" });

        Assert.Equal("Choose whether you have asked this question.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void A_reading_item_needs_a_title_and_a_link_only_if_given()
    {
        var validator = new ReadingModel.InputValidator();

        Assert.True(validator.Validate(new ReadingModel.InputModel { Title = "A book" }).IsValid);
        Assert.True(validator.Validate(new ReadingModel.InputModel { Title = "A book", Url = " " }).IsValid);
        Assert.False(validator.Validate(new ReadingModel.InputModel { Title = " ", Url = "https://medlineplus.gov/" }).IsValid);
        Assert.False(validator.Validate(new ReadingModel.InputModel { Title = "A page", Url = "javascript:alert(1)" }).IsValid);
    }

    private static Question Make(int id, int position) => new() { Id = id, Text = $"Question {id}", Position = position };
}
