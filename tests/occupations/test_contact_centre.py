"""Contact-centre work by ISCO-08's setting split (contact_centre.py): a generic head whose ad
places the work on the telephone is a contact centre clerk (4222) or salesperson (5244).
Real cases: eval_set.csv dev rows (Adzuna ads, ids given), openings cut."""

import pytest

from crawler.occupations.classify import classify_occupation

# en_adz_057 (Id 54137199).
BANKING = ("As a key member of our clients direct team, based within their contact centre, you ll be responsible "
           "for providing a worldclass level of service, over the telephone, to our commercial (business) "
           "customers. You will be taking calls and resolving commercial customer queries.")
# en_adz_056 (Id 50738360).
LEADS = ("The person in this role will have experience of outbound business to business sales, and generating "
         "sales leads through cold calling. The Sales Executive is responsible for generating qualified leads "
         "for software products with midmarket and enterprise prospects.")


@pytest.mark.parametrize(
    ("title", "text", "group"),
    [
        # Was ESCO's investment banking associate (2412).
        ("Business Banking Associate  Swansea", BANKING, "4222"),
        # Was ESCO's auctioneer ('agent'), then the travel agent (4221).
        ("Lead Generation Agent  Danish, German, Hebrew, Dutch or Norwegian speaking  Competitive", LEADS, "5244"),
        # en_adz_085 (Id 53649539): the title says the telephone; an account manager manages
        # clients' accounts, no staff. Was ESCO's sales account manager (1420).
        ("Telephone Account Manager", "The underlying objective of the role is to primarily meet or exceed set "
         "sales targets by identifying and successfully closing new business opportunities from an existing "
         "account base. This role would suit an energetic, enthusiastic individual with an excellent telephone "
         "manner.", "5244"),
    ],
)
def test_a_generic_head_on_the_telephone_is_contact_centre_work(title, text, group):
    occupation = classify_occupation(title, text, "en")
    assert occupation is not None and occupation.isco_code == group


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # en_066: a salesperson's head is no generic one; cold calling does not make a field
        # salesperson a contact centre one.
        ("Dutch speaking Salesperson", "Cold-calling and selling over the phone and at trade fairs to retailers."),
        # A rank over the centre is not its agent.
        ("Contact Centre Manager", "You will lead our contact centre team taking inbound calls."),
        # ICT support by telephone is ICT user support (3512), not this split.
        ("Technical Support Associate", "Technical support to customers by phone, email and chat."),
        # The same head with no telephone in the ad: no setting named.
        ("Business Banking Associate", "You will support the relationship directors with credit applications."),
    ],
)
def test_no_contact_centre_split_without_a_generic_head_on_the_telephone(title, text):
    occupation = classify_occupation(title, text, "en")
    assert occupation is None or occupation.isco_code not in ("4222", "5244")
