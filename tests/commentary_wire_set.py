"""Neutral wire sentences for the commentary classifier's false-positive bar (issue 14: at most 2 of 40 flagged).

Written for Parallax, not taken from any article, and not used to fit ``resources/models/commentary-lr.json``
(its training data is ``tests/data/commentary_labelled_*.tsv``). Plain agency style, few of them carrying a number,
so the bar does not lean on the classifier's "anchored in numbers" feature.
"""

EN_WIRE = [
    "The foreign ministers of both countries met in Oslo to discuss the border dispute.",
    "The government announced a review of the country's water supply after the drought.",
    "Firefighters were still battling the blaze on the outskirts of the city on Monday evening.",
    "The prime minister is expected to name a new defence minister later this week.",
    "The airline suspended flights to the region until further notice.",
    "The court will hear the case again after the defence filed new evidence.",
    "Opposition lawmakers walked out of the chamber in protest.",
    "The company said it would keep the factory open until the end of next year.",
    "The new law gives tenants the right to install solar panels on their balconies.",
    "The ship ran aground off the coast and was later towed back to port.",
    "Doctors at the hospital said the patient was in a stable condition.",
    "The state broadcaster interrupted its programme to report the news.",
    "Rescuers reached the remote village after the road was cleared.",
    "The minister resigned after an inquiry into his use of official cars.",
    "The museum reopened to the public after a long renovation.",
    "The railway line between the two towns will be electrified.",
    "The central bank left its key interest rate unchanged.",
    "The prosecutor's office opened an investigation into the accident.",
    "The party elected a new leader at its congress in the capital.",
    "The storm is expected to reach the coast early on Wednesday.",
]

DE_WIRE = [
    "Die Außenminister beider Länder trafen sich in Oslo, um über den Grenzstreit zu beraten.",
    "Die Regierung kündigte nach der Dürre eine Überprüfung der Wasserversorgung an.",
    "Die Feuerwehr kämpfte am Montagabend noch am Stadtrand gegen den Brand.",
    "Der Regierungschef will im Laufe der Woche einen neuen Verteidigungsminister benennen.",
    "Die Fluggesellschaft setzte ihre Flüge in die Region bis auf Weiteres aus.",
    "Das Gericht verhandelt den Fall erneut, nachdem die Verteidigung neue Beweise vorgelegt hatte.",
    "Abgeordnete der Opposition verließen aus Protest den Plenarsaal.",
    "Das Unternehmen teilte mit, das Werk bleibe bis Ende kommenden Jahres geöffnet.",
    "Das neue Gesetz gibt Mietern das Recht, Solarmodule auf ihrem Balkon anzubringen.",
    "Das Schiff lief vor der Küste auf Grund und wurde später in den Hafen geschleppt.",
    "Die Ärzte des Krankenhauses sagten, der Zustand des Patienten sei stabil.",
    "Der staatliche Rundfunk unterbrach sein Programm, um über die Nachricht zu berichten.",
    "Die Rettungskräfte erreichten das abgelegene Dorf, nachdem die Straße geräumt worden war.",
    "Der Minister trat nach einer Untersuchung zur Nutzung seiner Dienstwagen zurück.",
    "Das Museum ist nach langer Sanierung wieder für Besucher geöffnet.",
    "Die Bahnstrecke zwischen den beiden Städten soll elektrifiziert werden.",
    "Die Zentralbank ließ ihren Leitzins unverändert.",
    "Die Staatsanwaltschaft leitete Ermittlungen zu dem Unfall ein.",
    "Die Partei wählte auf ihrem Parteitag in der Hauptstadt einen neuen Vorsitzenden.",
    "Der Sturm soll die Küste am frühen Mittwoch erreichen.",
]
