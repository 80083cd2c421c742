from pathlib import Path

import pytest

from crawler.parsing.skills import (
    CONTEXT_FORMS,
    EXACT_CASE_FORMS,
    PROGRAMMING_CONTEXT_FORMS,
    SKILL_CATEGORIES,
    find_skills,
    load_skill_taxonomy,
)

SEEDS = Path(__file__).parent.parent / "files" / "seeds"


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _lookup_key(spelling: str) -> str:
    return "".join(spelling.split()).replace("-", "").lower()


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", {"Python", "pandas", "scikit-learn", "SciPy", "PyTorch", "TensorFlow", "MLflow",
                 "AWS"}),
        ("001", {"Python", "PySpark", "TensorFlow", "MLflow", "Terraform", "Azure", "AWS", "GCP",
                 "Databricks"}),
    ],
)
def test_seed_ads_name_their_skills(seed, expected):
    assert expected <= set(find_skills(_seed(seed)))


@pytest.mark.parametrize(
    ("seed", "absent"),
    [
        ("000", "Go"),  # "preparation for go-live"
        ("000", "Hugging Face Transformers"),  # "generative AI models such as Transformers"
        ("000", "Agile"),  # "agile processes", "agile work in small teams"
        ("001", "Excel"),
        ("001", "Power BI"),  # "the POWER behind our success stories"
    ],
)
def test_seed_ads_do_not_name_everyday_words(seed, absent):
    assert absent not in find_skills(_seed(seed))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sound knowledge of the Python data science stack (Pandas, SKLearn, SciPy)",
         ["pandas", "Python", "scikit-learn", "SciPy"]),
        ("deep learning frameworks (Pytorch, Tensorflow)",
         ["Deep Learning", "PyTorch", "TensorFlow"]),
        ("Python, R and SQL", ["Python", "R", "SQL"]),
        ("Experience with R or Python", ["Python", "R"]),
        ("Kenntnisse in R", ["R"]),
        ("R programming and R-Kenntnisse", ["R"]),
        ("Languages: R, SQL", ["R", "SQL"]),
        ("Go developer", ["Go"]),
        ("Experience in Go and Rust", ["Go", "Rust"]),
        ("python, go, sql", ["Go", "Python", "SQL"]),
        ("C/C++", ["C", "C++"]),
        ("C#, .NET Core and ASP.NET MVC", [".NET", "ASP.NET", "C#"]),
        ("Node.js and CI/CD", ["CI/CD", "Node.js"]),
        ("Java, Spring and Hibernate", ["Hibernate", "Java", "Spring"]),
        ("JavaScript and TypeScript", ["JavaScript", "TypeScript"]),
        ("MS Office (Word, Excel, PowerPoint, Teams)",
         ["Excel", "Microsoft Office", "Microsoft Teams", "Microsoft Word", "PowerPoint"]),
        ("Puppet, Chef or Ansible", ["Ansible", "Chef", "Puppet"]),
        ("Programming in Julia or Python", ["Julia", "Python"]),
        ("Erfahrung mit SAP FI/CO und DATEV, idealerweise Lexware oder Navision",
         ["DATEV", "Lexware", "Microsoft Dynamics NAV", "SAP", "SAP FI/CO"]),
        ("Sehr gute Kenntnisse in MS-Office sowie SAP S/4HANA",
         ["Microsoft Office", "SAP", "SAP S/4HANA"]),
        ("AWS (S3, Lambda, Glue, Athena) und Terraform",
         ["Amazon Athena", "Amazon S3", "AWS", "AWS Glue", "AWS Lambda", "Terraform"]),
        ("Azure Data Factory, Azure Synapse und Azure Databricks",
         ["Azure", "Azure Data Factory", "Azure Synapse Analytics", "Databricks"]),
        ("Scrum, Agile, Kanban", ["Agile", "Kanban", "Scrum"]),
        ("AutoCAD, SolidWorks oder CATIA V5", ["AutoCAD", "CATIA", "SolidWorks"]),
        ("Photoshop, Illustrator and InDesign",
         ["Adobe Illustrator", "Adobe InDesign", "Adobe Photoshop"]),
        ("HubSpot and Salesforce, tickets in Jira, docs in Confluence",
         ["Confluence", "HubSpot", "Jira", "Salesforce"]),
        ("Spark, SparkML, Kafka, Airflow, dbt and Snowflake",
         ["Airflow", "dbt", "Kafka", "Snowflake", "Spark", "Spark MLlib"]),
        ("Power BI, Tableau, Qlik Sense or Looker", ["Looker", "Power BI", "Qlik", "Tableau"]),
        ("MLOps with Kubeflow, SageMaker and MLflow",
         ["Amazon SageMaker", "AWS", "Kubeflow", "MLflow", "MLOps"]),
        ("Docker, Kubernetes, Terraform, Ansible, Jenkins, GitLab CI and GitHub Actions",
         ["Ansible", "Docker", "GitHub Actions", "GitLab CI", "Jenkins", "Kubernetes",
          "Terraform"]),
        ("XGBoost, LightGBM, Hugging Face Transformers, spaCy and LangChain",
         ["Hugging Face Transformers", "LangChain", "LightGBM", "spaCy", "XGBoost"]),
        ("TDD, Scrum and CI/CD", ["CI/CD", "Scrum", "Test-Driven Development"]),
        ("Python, python and PYTHON", ["Python"]),
        ("", []),
    ],
)
def test_finds_exactly_these_skills(text, expected):
    assert find_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("good communication skills", "Go"),
        ("We are ready to go, the go-live is near. Go for it!", "Go"),
        ("Go-to-market strategy", "Go"),
        ("our R&D department", "R"),
        ("Mr. R. Smith", "R"),
        ("reporting to the C-Level", "C"),
        ("Führerschein Klasse C", "C"),
        ("Englisch auf Niveau C1", "C"),
        ("Verkäufer (m/w/d)", "D"),
        ("you excel at solving problems", "Excel"),
        ("Excel at what you do", "Excel"),
        ("Spring 2027 internship", "Spring"),
        ("spring and summer semester", "Spring"),
        ("make an impact", "Make"),
        ("Make an impact with us", "Make"),
        ("Access to learning platforms", "Microsoft Access"),
        ("Word of mouth", "Microsoft Word"),
        ("Teams across Europe", "Microsoft Teams"),
        ("agile teams", "Microsoft Teams"),
        ("Less bureaucracy", "Less"),
        ("Chef de Partie (m/w/d)", "Chef"),
        ("Ansprechpartnerin: Julia Schmidt", "Julia"),
        ("a rust-proof coating", "Rust"),
        ("swift onboarding", "Swift"),
        ("spark your curiosity", "Spark"),
        ("the rest of the team", "REST"),
        ("Latex-Handschuhe tragen", "LaTeX"),
        ("Wir sind ein DAX-Konzern", "DAX"),
        ("Datenschutzhinweise gemäß DSGVO", "GDPR"),
        ("It adds value", "Active Directory"),
        ("Illustrator (m/w/d) für unser Designteam", "Adobe Illustrator"),
        ("Please visit https://example.com/careers/python-jobs", "Python"),
        ("Write to jobs@sap.com", "SAP"),
        ("Javascript developer", "Java"),
    ],
)
def test_does_not_find_everyday_words(text, absent):
    assert absent not in find_skills(text)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("SKLearn", "scikit-learn"),
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("Pytorch", "PyTorch"),
        ("MLFlow", "MLflow"),
        ("Tensorflow", "TensorFlow"),
        ("Numpy", "NumPy"),
        ("Postgres", "PostgreSQL"),
        ("NodeJS", "Node.js"),
        ("MS Excel", "Excel"),
        ("k8s", "Kubernetes"),
        ("Golang", "Go"),
        ("PowerBI", "Power BI"),
        ("Power-BI", "Power BI"),
        ("S/4HANA", "SAP S/4HANA"),
        ("Google Cloud Platform", "GCP"),
        ("Amazon Web Services", "AWS"),
        ("Microsoft Azure", "Azure"),
        ("SparkML", "Spark MLlib"),
        ("ReactJS", "React"),
        ("Vue3", "Vue.js"),
        ("Python3", "Python"),
        ("CSharp", "C#"),
        ("MSSQL", "Microsoft SQL Server"),
        ("Transact-SQL", "T-SQL"),
        ("GitLab-CI", "GitLab CI"),
        ("infrastructure-as-code", "Infrastructure as Code"),
        ("Navision", "Microsoft Dynamics NAV"),
    ],
)
def test_aliases_give_the_canonical_name(spelling, canonical):
    found = find_skills(f"Experience with {spelling}.")
    assert canonical in found
    assert set(found) - {canonical} <= {"SAP", "AWS", "Azure", "GCP"}, "only the product's platform besides"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dokumentation im SAP-PM-System", ["SAP", "SAP PM"]),
        ("Pipelines mit Azure Data Factory", ["Azure", "Azure Data Factory"]),
        ("Functions on AWS Lambda", ["AWS", "AWS Lambda"]),
        ("Data on Amazon Redshift", ["Amazon Redshift", "AWS"]),
        ("Streaming with Google Cloud Pub/Sub", ["GCP", "Google Cloud Pub/Sub"]),
        ("Experience with HubSpot", ["HubSpot"]),
    ],
)
def test_a_vendor_product_names_its_platform(text, expected):
    assert find_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python or R experience is a plus", ["Python", "R"]),
        ("R skills and SQL", ["R", "SQL"]),
        ("Go experience in distributed systems", ["Go"]),
        ("R&D experience in pharma", []),
        ("good experience with teams", []),
    ],
)
def test_programming_letters_before_experience_words(text, expected):
    assert find_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python-Kenntnisse", ["Python"]),
        ("SQL-Datenbanken", ["SQL"]),
        ("Excel-Kenntnisse", ["Excel"]),
        ("SAP-Kenntnisse von Vorteil", ["SAP"]),
        ("Pythonkenntnisse", ["Python"]),
        ("Java-/Kotlin-Entwickler", ["Java", "Kotlin"]),
        ("Golang-Entwickler (m/w/d)", ["Go"]),
        ("C-Kenntnisse", ["C"]),
        ("Machine-Learning-Modelle mit scikit-learn", ["Machine Learning", "scikit-learn"]),
        ("CI/CD-Pipelines", ["CI/CD"]),
        ("Linux-Administration", ["Linux"]),
    ],
)
def test_german_compounds(text, expected):
    assert find_skills(text) == expected


def test_results_are_sorted_case_insensitively():
    skills = find_skills(_seed("001"))
    assert skills == sorted(skills, key=str.lower)


def test_taxonomy_is_large_and_well_formed():
    taxonomy = load_skill_taxonomy()
    assert len(taxonomy) >= 400
    assert {skill.category for skill in taxonomy} <= SKILL_CATEGORIES
    assert all(skill.name and skill.name == skill.name.strip() for skill in taxonomy)


def test_no_name_or_alias_belongs_to_two_skills():
    owner: dict[str, str] = {}
    clashes = []
    for skill in load_skill_taxonomy():
        for spelling in {_lookup_key(s) for s in (skill.name, *skill.aliases)}:
            if owner.setdefault(spelling, skill.name) != skill.name:
                clashes.append((spelling, owner[spelling], skill.name))
    assert clashes == []


def test_every_name_and_alias_maps_back_to_its_skill():
    # Inside a list, so that ambiguous forms ("R", "Word", "Spring") count as well.
    misses = [
        (spelling, skill.name)
        for skill in load_skill_taxonomy()
        for spelling in (skill.name, *skill.aliases)
        if skill.name not in find_skills(f"Python, {spelling} and SQL")
    ]
    assert misses == []


def test_ambiguous_forms_are_taxonomy_spellings():
    spellings = {s for skill in load_skill_taxonomy() for s in (skill.name, *skill.aliases)}
    assert EXACT_CASE_FORMS <= spellings
    assert CONTEXT_FORMS <= spellings
    assert PROGRAMMING_CONTEXT_FORMS <= CONTEXT_FORMS
    assert not EXACT_CASE_FORMS & CONTEXT_FORMS
    # A plain spelling with the same letters would make an ambiguous form match in any case.
    ambiguous_keys = {_lookup_key(form) for form in EXACT_CASE_FORMS | CONTEXT_FORMS}
    plain_keys = {_lookup_key(s) for s in spellings - EXACT_CASE_FORMS - CONTEXT_FORMS}
    assert not ambiguous_keys & plain_keys
