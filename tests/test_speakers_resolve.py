"""Speaker mentions resolved to the article's entities (``dateline.nlp.speakers``): the company,
role synonyms and a pronoun far from its speaker's name, one news pattern per test."""

from __future__ import annotations

from quote_helpers import find, quotes_of, speaker_name, speaker_text


def test_the_company_is_the_organisation_the_article_named() -> None:
    text = (
        "Apple said on Tuesday that iPhone sales rose 12 percent in the quarter.\n"
        "Analysts had expected a smaller gain.\n"
        "The company said it would hire 2,000 workers in Texas."
    )
    assert speaker_name(find(quotes_of(text), "hire 2,000")) == "Apple"


def test_an_organisation_noun_is_no_entity_its_own_phrase_names() -> None:
    # "the union representing Veltra's workers" is another organisation than Veltra, which the
    # article named before it: nobody the article named, so no entity.
    text = (
        "Veltra Semiconductor said on Tuesday that it would cut about 4,000 jobs.\n\n"
        "The union representing Veltra's workers in Oregon said the cuts were a betrayal.\n"
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "4,000 jobs")) == "Veltra Semiconductor"
    union = find(quotes, "betrayal")
    assert speaker_text(union) == "The union" and speaker_name(union) is None


def test_a_leader_named_by_nationality_is_the_head_of_that_country_named_before() -> None:
    # "The French leader" is Macron (French President), not Merz (German Chancellor), who was named
    # after him; "the Spanish leader" holds no role the article gave anyone.
    text = (
        "French President Emmanuel Macron met German Chancellor Friedrich Merz in Paris on Tuesday.\n\n"
        "The French leader said Europe must pay for its own defence.\n\n"
        "The Spanish leader said nothing about the plan.\n"
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "its own defence")) == "Emmanuel Macron"
    assert speaker_name(find(quotes, "nothing about")) is None


def test_a_senators_title_says_nothing_of_gender() -> None:
    # "Sen." was read as a man's title, so "she" after "Sen. Maria Cantwell" found no one.
    text = (
        "Drug prices hearing\n\n"
        "WASHINGTON (AP) — Senators questioned three drug company chiefs on Tuesday.\n\n"
        "Sen. Maria Cantwell opened the hearing by holding up a vial. “This costs less than $10 to make,” she said.\n"
    )
    assert speaker_name(find(quotes_of(text), "less than $10")) == "Maria Cantwell"


def test_the_senator_is_the_senator_named_last() -> None:
    # "Sen." before a name makes a senator; of the two, "the senator" is the one named last.
    text = (
        "Drug prices hearing\n\n"
        "Sen. Ann Ortiz asked the chief executives about insulin. Sen. Paul Grady asked about patents.\n\n"
        "Pressed by Ortiz, the chief executive said he could not promise lower prices.\n\n"
        "“That is not an answer,” the senator shot back.\n"
    )
    assert speaker_name(find(quotes_of(text), "not an answer")) == "Ann Ortiz"


def test_she_after_a_quote_naming_another_person_is_the_woman_named_before() -> None:
    # "“Dale's a good man,” she says": Dale, named in her own words, is not her; of Ekdahl (a woman)
    # and Voss (no telling), "she" is Ekdahl, though Voss spoke last.
    text = (
        "The last ferry\n\n"
        "For 31 years, Ruth Ekdahl has piloted the same ferry across the lake.\n\n"
        "County Commissioner Dale Voss says the ferry costs $400,000 a year. “We can't justify it,” Voss says.\n\n"
        "Ekdahl shrugs when asked about Voss. “Dale's a good man,” she says.\n"
    )
    assert speaker_name(find(quotes_of(text), "good man")) == "Ruth Ekdahl"


def test_an_unnamed_speaker_counted_out_of_a_group_keeps_its_group() -> None:
    # "One of them said": the mention is "One of them", as "Some of the officials" is.
    text = (
        "Steel tariffs\n\n"
        "Two officials described the talks. One of them said the president wanted options that hurt.\n\n"
        "Some of the officials said a decision could come next week.\n"
    )
    quotes = quotes_of(text)
    assert speaker_text(find(quotes, "options that hurt")) == "One of them"
    assert speaker_text(find(quotes, "next week")) == "Some of the officials"


def test_a_first_name_given_to_women_and_men_says_no_gender() -> None:
    # "Kim" was listed as a man's name, so "She" after Kim Tran's quote found no one.
    text = (
        "Nurses vote\n\n"
        "“We are tired of being told there is no money,” said Kim Tran, an emergency room nurse. "
        "She said staffing on night shifts had fallen to one nurse for eight patients.\n"
    )
    assert speaker_name(find(quotes_of(text), "night shifts")) == "Kim Tran"


def test_the_union_is_the_association_named_sentences_before_not_the_hospital() -> None:
    # "The union" is the nurses' association named four sentences before, not the hospital named
    # since ("Hospital" of "Hospital spokeswoman Ann Gregg" was an organisation of its own, too).
    text = (
        "Nurses vote\n\n"
        "The Lakeside Nurses Association said 94% of members approved a strike.\n\n"
        "No date has been set. Talks broke down in May. Both sides blame each other.\n\n"
        "Hospital spokeswoman Ann Gregg said Harborview had offered raises of 12% over three years.\n\n"
        "The union disputed that figure.\n"
    )
    assert speaker_name(find(quotes_of(text), "that figure")) == "Lakeside Nurses Association"


def test_the_statement_is_the_one_its_issuer_made_before() -> None:
    # "The statement added …" points back to the statement the union issued in the sentence before.
    text = (
        "Harbor Workers International said in a statement that it had shown great flexibility.\n\n"
        "The statement added that the union would not accept a deal that cut pensions."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "flexibility")) == "Harbor Workers International"
    added = find(quotes, "would not accept")
    assert speaker_text(added) == "The statement" and speaker_name(added) == "Harbor Workers International"


def test_a_local_title_is_a_role_its_noun_stands_for() -> None:
    # "Sheriff Jack Campbell … The sheriff said", "Councilwoman Ana Ruiz … The councilwoman added".
    text = (
        "Sheriff Jack Campbell spoke to reporters on Monday.\n\n"
        "The sheriff said both victims were taken to a hospital.\n\n"
        "Councilwoman Ana Ruiz said the road would be repaved. The councilwoman added that it was overdue."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "both victims")) == "Jack Campbell"
    assert speaker_name(find(quotes, "overdue")) == "Ana Ruiz"


def test_the_agency_is_a_public_body_named_before() -> None:
    # "the agency" is the safety administration named in the sentence before, not the company.
    text = (
        "Ford Motor Co. is recalling about 500,000 vehicles, the company said.\n\n"
        "The National Highway Traffic Safety Administration opened an inquiry last year. "
        "In documents posted online, the agency said the problem affected models built in 2021."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "models built")) == "National Highway Traffic Safety Administration"
    assert speaker_name(find(quotes, "recalling")) == "Ford Motor Co"


def test_the_company_is_no_public_body() -> None:
    # "the company" in the tag is the company the Commission investigates, not the Commission,
    # though the Commission is the subject.
    text = "The European Commission opened an investigation into Nimbus Corp.'s cloud business, the company confirmed."
    assert speaker_name(find(quotes_of(text), "investigation")) == "Nimbus Corp."


def test_the_company_prefers_the_subject_to_an_object() -> None:
    text = "Boeing sued Airbus in a Paris court on Monday. The company said the subsidies broke trade rules."
    assert speaker_name(find(quotes_of(text), "subsidies")) == "Boeing"


def test_a_name_after_the_noun_is_its_speaker() -> None:
    text = (
        "Apple said on Tuesday that sales rose.\n"
        "The US automobile manufacturer Ford said it would cut 2,000 jobs in Michigan."
    )
    assert speaker_name(find(quotes_of(text), "cut 2,000 jobs")) == "Ford"


def test_a_company_noun_without_the_is_not_resolved() -> None:
    text = "Apple said on Tuesday that sales rose. A company in Ohio said its orders fell by half."
    assert speaker_name(find(quotes_of(text), "orders fell")) is None


def test_the_firm_of_an_apposition_is_that_firm() -> None:
    text = (
        "Apple's music service passed Walmart last month, according to NPD Group, a market research firm.\n"
        "The firm said more than 4 billion songs had been downloaded."
    )
    assert speaker_name(find(quotes_of(text), "4 billion songs")) == "NPD Group"


def test_a_modifier_that_names_the_company_picks_it() -> None:
    text = (
        "Apple Corps sued Apple Computer over the use of the Apple name in 1978.\n"
        "Apple Corps won the first case.\n"
        "The young computer maker said it would stay out of the music business."
    )
    assert speaker_name(find(quotes_of(text), "music business")) == "Apple Computer"


def test_an_organisation_noun_after_a_name_the_article_lacks_is_no_other_organisation() -> None:
    # "The Vereinigung Cockpit association" names a body the entity layer did not find: not the
    # airline named before it, as "the association" alone might have been; named as a union (an
    # organisation cue after the name), it is found and speaks.
    text = (
        "Lufthansa canceled more than 800 flights on Wednesday as pilots walked out, the airline said.\n\n"
        "The Vereinigung Cockpit association said its members would strike again next week."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "800 flights")) == "Lufthansa"
    union = find(quotes, "strike again")
    assert speaker_text(union) == "The Vereinigung Cockpit association" and speaker_name(union) is None
    named = find(quotes_of(text.replace("association", "union")), "strike again")
    assert speaker_name(named) == "Vereinigung Cockpit"


def test_ceo_is_the_chief_executive_named_before() -> None:
    text = "Apple's chief executive, Tim Cook, said sales rose in China.\n“We had a great quarter,” the CEO said."
    assert speaker_name(find(quotes_of(text), "great quarter")) == "Tim Cook"


# A speaker named once, then paragraphs without a person, then "he" reports again.
OBAMA_LEAD = (
    "President Barack Obama said on Monday that General Motors would file for bankruptcy.\n"
    "The government will hold a 60 percent stake in the company.\n"
    "The company will receive $30 billion in addition to earlier loans.\n"
)
HE_SAID = "Of the government stake he said that he had no interest in running the company."


def test_he_keeps_to_the_latest_speaker_paragraphs_later() -> None:
    text = OBAMA_LEAD + "The Canadian government will take a stake.\nCreditors will own the rest.\n" + HE_SAID
    assert speaker_name(find(quotes_of(text), "no interest")) == "Barack Obama"


def test_he_does_not_reach_past_another_man_named_since() -> None:
    # Henderson is named after Obama but too far back to be the nearest mention: "he" stays unresolved.
    text = (
        OBAMA_LEAD
        + "Chief executive Fritz Henderson will stay on, the company said.\n"
        + "Creditors will own the rest of the shares.\n"
        + "The Canadian government will take a 12 percent stake.\n"
        + "Workers will keep their pensions.\n"
        + HE_SAID
    )
    assert speaker_name(find(quotes_of(text), "no interest")) is None


def test_he_skips_a_company_quoted_since() -> None:
    text = (
        "Fritz Henderson, the chief executive of General Motors, said on Monday that the plan had wide support.\n"
        "The bankruptcy process will take 60 to 90 days.\n"
        "Creditors will own the rest of the shares.\n"
        "General Motors said it would keep selling cars during the process.\n"
        "Dealers will be paid on time.\n"
        "Suppliers were told to expect delays.\n"
        "Asked about the government stake, he said that he had no interest in running the company."
    )
    assert speaker_name(find(quotes_of(text), "no interest")) == "Fritz Henderson"


def test_a_plural_role_is_a_group_not_its_one_named_holder() -> None:
    text = (
        "“It shows what the new method can do,” said graduate student Lena Varga.\n"
        "The students said the comets were spotted with a borrowed telescope."
    )
    assert speaker_name(find(quotes_of(text), "borrowed telescope")) is None


def test_the_company_named_only_as_a_modifier() -> None:
    text = (
        "General Motors chief executive Fritz Henderson said on Monday that the plan had support.\n"
        "The Detroit company said sales of its trucks rose."
    )
    assert speaker_name(find(quotes_of(text), "trucks rose")) == "General Motors"


def test_a_role_phrase_ending_on_a_name_is_that_person() -> None:
    text = (
        "Ford reported a profit on Tuesday.\n"
        "“Our results show Ford is making progress,” said the firm's chief executive officer, Alan Mulally.\n"
        "“It is the best decision for Britain,” said the general secretary of the union Unite, Tony Woodley.\n"
        "“Spring shows signs of hope,” said the vice president and chairman of Chrysler LLC Jim Press."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "making progress")) == "Alan Mulally"
    assert speaker_name(find(quotes, "best decision")) == "Tony Woodley"
    assert speaker_name(find(quotes, "signs of hope")) == "Jim Press"


def test_the_spokesman_for_a_named_senator_is_not_the_senator() -> None:
    text = "“We will fight this ruling,” said a spokesman for Senator John McCain."
    assert speaker_name(find(quotes_of(text), "fight this")) is None


def test_the_spokesman_for_a_senator_named_after_a_comma_is_that_person() -> None:
    text = "“We will fight this ruling,” said a spokesman for the senator, Brian Rogers."
    assert speaker_name(find(quotes_of(text), "fight this")) == "Brian Rogers"


def test_it_of_a_passive_report_is_nobody() -> None:
    text = (
        "Apple Inc and Apple Corps settled their dispute over the Apple name.\n"
        "It was not disclosed whether the Beatles' music catalog was part of the deal."
    )
    q = find(quotes_of(text), "catalog")
    assert q.speaker is None


def test_they_after_a_plural_noun_subject_is_those_people() -> None:
    text = (
        "The Wall Street Journal reported that Papermaster had been pushed out.\n"
        "The sources claimed that Papermaster was not used to the corporate politics. "
        "They also said that it was Jobs who made the decision."
    )
    q = find(quotes_of(text), "Jobs who made")
    assert speaker_text(q) == "They"
    assert speaker_name(q) is None


def test_they_after_two_joined_names_is_not_one_of_them() -> None:
    text = "GM and Chrysler met the lenders on Monday. They said they would need more time."
    q = find(quotes_of(text), "more time")
    assert speaker_text(q) == "They"
    assert speaker_name(q) is None


def test_a_pronoun_in_a_clause_under_a_subjects_verb_is_that_subject() -> None:
    # "they say" hangs under "display", whose subject is the airline, not the city the sentence is about.
    text = (
        "Madrid will remain the first stop, where Iberia Airlines will display the jet they say will enter "
        "service in May."
    )
    q = find(quotes_of(text), "enter service")
    assert speaker_text(q) == "they" and speaker_name(q) == "Iberia Airlines"


def test_they_is_not_the_object_of_its_own_verbs_opening_phrase() -> None:
    # "In addition to the iPod Classic, Nano and Shuffle, they …": the iPods are not who announced.
    text = (
        "Apple have released several re-designs of their popular iPod range.\n\n"
        "In addition to the iPod Classic, Nano and Shuffle, they have announced the brand new iPod touch, a "
        "media player which mimics the iPhone's touch-screen capabilities."
    )
    q = find(quotes_of(text), "iPod touch")
    assert speaker_text(q) == "they" and speaker_name(q) == "Apple"
    # A name modifying that object still may be: the statement was on Airbus's website.
    text = (
        "Singapore Airlines says it will be compensated for the delay.\n\n"
        "In a statement on the Airbus website, it said that the root cause of the problem was a late design tool."
    )
    assert speaker_name(find(quotes_of(text), "root cause")) == "Airbus"


def test_the_title_named_before_mr_and_the_name_is_that_person() -> None:
    text = (
        "The first A380 was greeted by 400 guests, including the Prime Minister of Singapore, Mr. Lee Hsien Loong.\n"
        "In his speech, the Prime Minister applauded Singapore Airlines for its work."
    )
    assert speaker_name(find(quotes_of(text), "Singapore Airlines")) == "Lee Hsien Loong"


def test_a_title_with_its_holder_after_a_comma_is_not_an_entity_of_its_own() -> None:
    text = (
        "Cisco sued Apple over the iPhone name.\n"
        "The Vice President and general counsel of the company, Mark Chandler, explained that there was "
        "no doubt about the excitement."
    )
    assert speaker_name(find(quotes_of(text), "no doubt")) == "Mark Chandler"


def test_a_country_s_largest_carmaker_is_the_company_not_the_country() -> None:
    text = (
        "General Motors named a new chief on Tuesday.\n"
        "The United States's largest car manufacturer announced Mary Barra as its new chief executive."
    )
    assert speaker_name(find(quotes_of(text), "Mary Barra")) == "General Motors"


def test_the_airline_is_the_airline_not_the_latest_company() -> None:
    text = (
        "Aer Lingus ordered six Airbus A350 jets on Monday, the airframer said in a statement. "
        "Boeing had also bid for the contract.\n"
        "The airline said it would use the planes on routes to the United States."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "routes to the United States")) == "Aer Lingus"
    assert speaker_name(find(quotes, "ordered six")) == "Airbus"


def test_a_role_phrase_naming_two_people_is_not_the_last_one() -> None:
    text = "“We will cut costs,” said the chief executive of Ford, Alan Mulally, and the head of GM, Rick Wagoner."
    assert speaker_name(find(quotes_of(text), "cut costs")) == "Alan Mulally"  # the first named, not the last


def test_two_titles_of_one_person_before_the_name_are_that_person() -> None:
    text = (
        "Airbus flew the A380 to Singapore.\n"
        "“This is a major milestone for the A380 programme, and I would like to thank all parties concerned,” "
        "said Airbus President and Chief Executive Officer, Tom Enders."
    )
    assert speaker_name(find(quotes_of(text), "major milestone")) == "Tom Enders"


def test_an_unnamed_speaker_keeps_what_the_article_says_of_it() -> None:
    text = (
        "The premier of the German state of North Rhine-Westphalia remarked that “General Motors' behaviour "
        "shows the ugly face of turbo-capitalism.”\n"
        "Representatives at several Apple Stores in the United States said that buyers should try again tomorrow."
    )
    quotes = quotes_of(text)
    premier = find(quotes, "turbo-capitalism")
    assert speaker_text(premier) == "The premier of the German state of North Rhine-Westphalia"
    assert speaker_name(premier) is None
    assert speaker_text(find(quotes, "try again")) == "Representatives at several Apple Stores in the United States"


def test_a_named_speaker_keeps_its_own_mention() -> None:
    text = "Apple said on Tuesday that sales of its phones in China rose by a third."
    assert speaker_text(find(quotes_of(text), "sales of its phones")) == "Apple"


def test_the_company_is_not_the_person_whose_role_is_of_the_company() -> None:
    text = (
        "Cisco Systems sued Apple on Wednesday over the name of its new phone.\n\n"
        "The Vice President and general counsel of the company, Mark Chandler, explained the suit.\n\n"
        "The company claims that it has sold devices under the same brand for years."
    )
    q = find(quotes_of(text), "sold devices")
    assert speaker_text(q) == "The company"
    assert speaker_name(q) != "Mark Chandler" and speaker_name(q) is not None


def test_a_common_noun_speaks_for_the_name_in_its_apposition() -> None:
    # Not the country its modifier names, and not left unresolved.
    text = (
        "General Motors and Chrysler asked for loans.\n\n"
        "A third US car manufacturer, Ford Motor Company, has said that it can make it through this year "
        "without any government aid.\n\n"
        "Japanese automaker Toyota reported a 32% drop in US sales from a year earlier."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "through this year")) == "Ford Motor Company"
    assert speaker_name(find(quotes, "32% drop")) == "Toyota"


def test_a_name_modifying_a_common_noun_is_not_its_speaker() -> None:
    # "a Romanian official" is not Romania; "the Australian government" speaks for Australia, "the
    # mayor's office" for the mayor and "the Canadian Auto Workers union" is that union.
    text = (
        "A Romanian official said the plant would stay open.\n\n"
        "The Australian government said it would pay for the new line.\n\n"
        "Mayor Tom Smith visited the site. Smith's office said he would return in May.\n\n"
        "“There is a lot of anger here today,” said the Canadian Auto Workers union."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "stay open")) is None
    assert speaker_name(find(quotes, "a lot of anger")) == "Canadian Auto Workers"
    assert speaker_name(find(quotes, "new line")) == "Australian"  # the people: the country is not named
    assert speaker_name(find(quotes, "return in May")) == "Tom Smith"


def test_he_keeps_to_a_speaker_named_by_a_pronoun_before() -> None:
    # The speaker of the sentence before last ("He talked about …") outranks a man named in its object.
    text = (
        "Mayor Tom Smith said the plan would work. He talked about his long talks with Bob Jones on the "
        "budget. The talks took months. He said that the city is “ready” for the change."
    )
    assert speaker_name(find(quotes_of(text), "the city is")) == "Tom Smith"


def test_a_speaker_mention_stays_on_its_line() -> None:
    text = "GM to close dealers\n2009\nAmerican automaker General Motors announced that it would close dealerships."
    assert speaker_text(find(quotes_of(text), "close dealerships")) == "American automaker General Motors"


def test_titles_joined_to_a_role_and_closed_by_a_name_are_that_person() -> None:
    # An earlier president in the article does not take "The company president and CEO Louis Gallois".
    text = (
        "Scott Carson, president and CEO of Boeing Commercial Airplanes, said, “This has been a wonderful day.”\n"
        "Boeing received a letter from Airbus. The company president and CEO Louis Gallois said, "
        "“Today is a great day in aviation history.”"
    )
    assert speaker_name(find(quotes_of(text), "great day in aviation")) == "Louis Gallois"


def test_which_after_a_comma_is_the_organisation_named_right_before() -> None:
    # Wikinews (CC BY 2.5), in the demo corpus: the parse hangs the clause on the union, not on GM.
    text = (
        "Both will offer the deal to most United Auto Workers (UAW) union members - 62,000 at GM, which is "
        "seeking to cut 31,500 jobs by 2012."
    )
    q = find(quotes_of(text), "31,500 jobs")
    assert speaker_text(q) == "which" and speaker_name(q) == "GM"
    # "who" may reach past the name before the comma: the spokesman adds, not the senator.
    text = "“We will appeal,” said Tom Reed, a spokesman for Senator Jane Doe, who added that the ruling was unfair."
    assert speaker_name(find(quotes_of(text), "ruling was unfair")) == "Tom Reed"


def test_a_government_speaks_for_the_country_the_article_names() -> None:
    text = (
        "Ford will build a plant near Melbourne, Australia.\n\n"
        "The Australian government said it would pay for the new rail line."
    )
    assert speaker_name(find(quotes_of(text), "new rail line")) == "Australia"


def test_i_in_a_document_the_article_reproduces_after_a_colon_is_its_author() -> None:
    # A letter printed without quotation marks: its "I" is the writer named before the colon.
    text = (
        "Acme released the text of Maria Lopez's letter to staff on Monday, which reads: Team, I have "
        "asked Tom Reyes to run daily operations while I recover. I am confident that Tom will do a "
        "fine job.\n\nI have also asked Ana Ruiz to lead the review.\n\nThe board backed the plan."
        "\n\nI asked Acme whether the plan would hold."
    )
    quotes = quotes_of(text)
    assert speaker_name(find(quotes, "Tom Reyes to run")) == "Maria Lopez"
    assert speaker_name(find(quotes, "Tom will do a fine job")) == "Maria Lopez"
    assert speaker_name(find(quotes, "Ana Ruiz")) == "Maria Lopez"  # the letter's next paragraph
    # After a paragraph of the article's own, "I" is the writer of the article, not of the letter.
    mine = find(quotes, "the plan would hold")
    assert speaker_text(mine) == "I" and speaker_name(mine) is None


def test_who_after_a_place_or_firm_in_an_apposition_is_the_person_it_describes() -> None:
    # "X, a … expert at Stanford University, who stated": the parse hangs "who" on the university.
    text = (
        "A contrary view comes from Charles Reilly, a management expert at Stanford University, who "
        'stated, "Great companies rarely go from strength to strength."'
    )
    quote = find(quotes_of(text), "Great companies")
    assert speaker_text(quote) == "who" and speaker_name(quote) == "Charles Reilly"
    # A person the parse hung it on stays: "… lawyers for Senator Ellis, who said" is Ellis's.
    text = 'The bill was drafted by lawyers for Senator Tom Ellis, who said, "It will pass in May."'
    assert speaker_name(find(quotes_of(text), "It will pass")) == "Tom Ellis"


def test_a_document_speaks_for_the_organisation_or_person_it_belongs_to() -> None:
    # "Acme's statement said", "A CNN poll found": the owner or the named pollster; "A report said"
    # names no one.
    text = "Acme Corp cut jobs on Monday. Acme's statement said the plant will close in May."
    assert speaker_name(find(quotes_of(text), "plant will close")) == "Acme Corp"
    assert speaker_name(find(quotes_of("A CNN poll found that Ellis leads by six points."), "Ellis leads")) == "CNN"
    text = "Acme Corp cut jobs on Monday. A report said the plant will close in May."
    assert speaker_name(find(quotes_of(text), "plant will close")) is None


def test_a_headlines_topic_after_its_colon_is_not_its_speaker() -> None:
    # "Poll: Ellis and Moreno in dead heat": the parse makes the names an apposition of "Poll"; they
    # are the news, not the poll's name.
    text = (
        "Poll: Ellis and Moreno in dead heat in Ohio.\n\nTom Ellis and Ana Moreno are virtually tied, a new poll shows."
    )
    assert speaker_name(find(quotes_of(text), "dead heat")) is None
