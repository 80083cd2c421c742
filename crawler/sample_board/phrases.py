"""Text pools shared by all ads: headings, benefits, language lines, closings, term labels."""

HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "tasks": ("Your tasks", "Responsibilities", "What you'll do", "Your role", "Your mission"),
        "profile": ("Your profile", "Requirements", "What you bring", "What we're looking for", "Qualifications"),
        "benefits": ("What we offer", "Benefits", "Why join us?", "Your benefits", "Perks & benefits"),
        "about": ("About us", "Who we are", "About the company"),
        "client": ("About our client", "The company"),
    },
    "de": {
        "tasks": ("Ihre Aufgaben", "Ihr Aufgabengebiet", "Das erwartet Sie", "Aufgaben"),
        "profile": ("Ihr Profil", "Das bringen Sie mit", "Anforderungen", "Qualifikationen"),
        "benefits": ("Wir bieten", "Unser Angebot", "Das bieten wir Ihnen", "Ihre Vorteile"),
        "about": ("Über uns", "Wer wir sind", "Das Unternehmen"),
        "client": ("Unser Kunde", "Das Unternehmen"),
    },
    "de_informal": {
        "tasks": ("Deine Aufgaben", "Was dich erwartet", "Das machst du bei uns"),
        "profile": ("Dein Profil", "Was du mitbringst", "Das bringst du mit"),
        "benefits": ("Wir bieten dir", "Deine Vorteile", "Benefits", "Darauf kannst du dich freuen"),
        "about": ("Über uns", "Wer wir sind"),
        "client": ("Unser Kunde",),
    },
}

BENEFITS: dict[str, tuple[str, ...]] = {
    "en": (
        "30 days of vacation plus 24 and 31 December off",
        "Flexible working hours",
        "Company pension scheme with employer contribution",
        "Job bike leasing (JobRad)",
        "Subsidised Deutschlandticket for public transport",
        "Modern equipment – choose between MacBook and ThinkPad",
        "Regular team events and an annual company retreat",
        "Free drinks, fruit and coffee in the office",
        "Free and confidential mental health support",
        "A structured onboarding with a buddy",
        "Language classes in German and English",
        "A personal yearly learning budget and conference visits",
        "Urban Sports Club membership subsidy",
        "Relocation support and visa assistance",
        "Employee stock option programme (VSOP)",
    ),
    "de": (
        "30 Tage Urlaub sowie Heiligabend und Silvester frei",
        "Flexible Arbeitszeiten mit Gleitzeitkonto",
        "Betriebliche Altersvorsorge mit Arbeitgeberzuschuss",
        "JobRad-Leasing",
        "Urlaubs- und Weihnachtsgeld",
        "Vermögenswirksame Leistungen",
        "Individuelle Weiterbildungsmöglichkeiten in unserer eigenen Akademie",
        "Ein strukturiertes Onboarding mit Patenprogramm",
        "Kostenlose Getränke und frisches Obst",
        "Betriebliches Gesundheitsmanagement und EGYM Wellpass",
        "Moderne Arbeitsplätze mit ergonomischer Ausstattung",
        "Mitarbeiterrabatte bei zahlreichen Partnern (Corporate Benefits)",
        "Regelmäßige Teamevents und ein Sommerfest",
        "Kostenlose Parkplätze direkt am Standort",
        "Zuschuss zur Kinderbetreuung",
    ),
}

PERMANENT_BENEFIT: dict[str, str] = {
    "en": "A permanent employment contract in a financially stable company",
    "de": "Ein unbefristeter Arbeitsvertrag in einem krisensicheren Unternehmen",
}

LANGUAGE_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        "Very good English skills; German is a plus",
        "Fluent English and good German (B2 or higher)",
        "Business fluent German and English",
        "Excellent written and spoken English",
        "Very good German and English skills",
    ),
    "de": (
        "Sehr gute Deutsch- und gute Englischkenntnisse",
        "Verhandlungssichere Deutschkenntnisse (mindestens C1)",
        "Gute Deutschkenntnisse in Wort und Schrift (mindestens B2)",
        "Fließende Deutsch- und Englischkenntnisse",
        "Deutsch auf muttersprachlichem Niveau, Englisch von Vorteil",
    ),
    "de_everyday": (
        "Gute Deutschkenntnisse (mindestens B1)",
        "Gute Deutschkenntnisse in Wort und Schrift",
        "Deutschkenntnisse auf B2-Niveau",
    ),
}

FIRST_EXPERIENCE: dict[str, str] = {
    "en": "First practical experience through internships, working student jobs or projects",
    "de": "Erste Berufserfahrung, zum Beispiel durch Praktika oder eine Werkstudententätigkeit",
}

CLOSINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "Interested? Apply now with your CV and your earliest possible start date. "
        "If you have questions, {contact} is happy to help: {phone}.",
        "Sounds like you? We look forward to your application – a CV is all we need. "
        "Your contact: {contact}, {phone}.",
    ),
    "de": (
        "Haben wir Ihr Interesse geweckt? Dann freuen wir uns auf Ihre Bewerbung unter Angabe Ihrer "
        "Gehaltsvorstellung und Ihres frühestmöglichen Eintrittstermins. Ihre Ansprechpartnerin: "
        "{contact}, Tel. {phone}.",
        "Bewerben Sie sich jetzt online – in wenigen Minuten und ohne Anschreiben. Fragen beantwortet "
        "Ihnen gerne {contact} unter {phone}.",
    ),
    "de_informal": (
        "Klingt gut? Dann bewirb dich jetzt – ganz einfach ohne Anschreiben! Bei Fragen erreichst du "
        "{contact} unter {phone}.",
        "Wir freuen uns auf deine Bewerbung! Fragen? Ruf {contact} einfach an: {phone}.",
    ),
}

DIVERSITY: dict[str, str] = {
    "en": "We value diversity and welcome all applications regardless of gender, nationality, ethnic "
    "and social background, religion, disability, age and sexual identity.",
    "de": "Wir begrüßen Bewerbungen unabhängig von Geschlecht, Nationalität, ethnischer und sozialer "
    "Herkunft, Religion, Behinderung, Alter sowie sexueller Orientierung und Identität.",
}

CONTACTS: tuple[str, ...] = (
    "Julia Berger", "Thomas Krüger", "Sabine Wolf", "Michael Schneider", "Anna Lehmann",
    "Lukas Hofer", "Sarah Meier", "Daniel Novak", "Katharina Weiß", "Jonas Brandt",
)

EMPLOYMENT_TEXT: dict[str, dict[str, str]] = {
    "en": {"full_time": "Full time", "part_time": "Part time"},
    "de": {"full_time": "Vollzeit", "part_time": "Teilzeit"},
}

CONTRACT_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "permanent": "Permanent contract", "fixed_term": "Fixed-term contract",
        "freelance": "Freelance", "internship": "Internship",
        "apprenticeship": "Apprenticeship", "working_student": "Working student",
    },
    "de": {
        "permanent": "Feste Anstellung", "fixed_term": "Befristeter Vertrag",
        "freelance": "Freiberuflich", "internship": "Praktikum",
        "apprenticeship": "Ausbildung", "working_student": "Werkstudent",
    },
}

WORKPLACE_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "hybrid": ("Home office possible", "Hybrid", "Hybrid working (2 days in the office)"),
        "remote": ("Fully remote", "100% remote"),
        "onsite": ("On-site",),
    },
    "de": {
        "hybrid": ("Homeoffice möglich", "Hybrides Arbeiten", "Teilweise Homeoffice"),
        "remote": ("100 % Homeoffice", "Vollständig remote"),
        "onsite": ("Vor Ort",),
    },
}

SALARY_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Salary:", "Salary range:", "Compensation:"),
    "de": ("Gehalt:", "Vergütung:", "Gehaltsspanne:"),
}

SALARY_NOTES: dict[str, str] = {
    "tariff_de": "Die Vergütung erfolgt nach TV-V zuzüglich einer leistungsorientierten Prämie.",
    "tariff_pflege": "Vergütung nach TVöD-P inklusive Jahressonderzahlung und Zulagen für Schicht- und Wechseldienst.",
    "vague_en": "We offer a competitive salary and an annual bonus.",
    "vague_de": "Eine attraktive, leistungsgerechte Vergütung ist für uns selbstverständlich.",
}
