//! "Needs you now": what is happening in a council that the person should act on, with the one link that does it.
//! The council's rule (`Council::needs`) decides what the record says needs them; this adds what only this node
//! knows (a trustee's turn in a key ceremony, a credential waiting to be collected) and words it.

use maud::{Markup, html};

use kenes_council::election::ElectionStatus;
use kenes_council::{Council, MemberId, Need};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::elections::{Waiting, load_setup};
use crate::error::WebError;
use crate::ui::{t, ta};

/// One thing to act on: what is happening, and the link that acts on it.
#[derive(Debug)]
pub(crate) struct Card {
    /// How urgent: `now` (a vote waiting, a meeting in session) or `soon`.
    pub urgency: &'static str,
    pub text: String,
    pub href: String,
    pub action: String,
}

/// The cards for member `me` of `council`, most urgent first. Reads election set-ups from the store, so call it
/// outside `Node::read`.
pub(crate) fn cards(state: &AppState, ctx: &Ctx, council: EventHash, me: MemberId) -> Result<Vec<Card>, WebError> {
    let (needs, titles, trusteeships) = state.node().read(council, |c| {
        let needs = c.needs(me);
        let titles = Titles::of(c);
        // Elections whose set-up (node-local) may hold a step for this member.
        let trusteeships: Vec<(u32, ElectionStatus)> = c
            .elections()
            .iter()
            .filter(|e| matches!(e.status, ElectionStatus::Setup | ElectionStatus::Closed | ElectionStatus::Open))
            .map(|e| (e.id, e.status))
            .collect();
        (needs, titles, trusteeships)
    })?;
    let base = format!("/c/{}", council.to_hex());
    let mut cards = Vec::new();
    let mut trustee_cards = Vec::new();
    let mut credentials = std::collections::BTreeSet::new();
    for (election, status) in trusteeships {
        let setup = load_setup(state, council, election)?;
        let title = titles.election(election);
        let href = format!("{base}/e/{election}/trustee");
        if let Some(index) = setup.trustee_index(me) {
            let ceremony_turn = status == ElectionStatus::Setup
                && !matches!(setup.waiting_for(), None | Some(Waiting::Credentials | Waiting::Slips))
                && !setup.ceremony().has_finished(index);
            if ceremony_turn {
                let text = ta(state, ctx, "now-trustee", &[("election", title.clone())]);
                trustee_cards.push(Card { urgency: "now", text, href, action: t(state, ctx, "now-trustee-action") });
            } else if status == ElectionStatus::Closed {
                let text = ta(state, ctx, "now-decrypt", &[("election", title.clone())]);
                trustee_cards.push(Card { urgency: "now", text, href, action: t(state, ctx, "now-trustee-action") });
            }
        }
        if status == ElectionStatus::Open && setup.credentials.contains_key(&me.0) {
            credentials.insert(election);
        }
        // Voting codes made before voting opens, to collect now (`elections::make_credentials`).
        if status == ElectionStatus::Setup && setup.credentials.contains_key(&me.0) {
            let text = ta(state, ctx, "now-credential-early", &[("election", title.clone())]);
            let href = format!("{base}/e/{election}/credential");
            trustee_cards.push(Card { urgency: "soon", text, href, action: t(state, ctx, "now-ballot-collect") });
        }
    }
    for need in needs {
        cards.push(match need {
            Need::Vote { assembly, .. } => Card {
                urgency: "now",
                text: ta(state, ctx, "now-vote", &[("meeting", titles.assembly(assembly))]),
                href: format!("{base}/a/{assembly}"),
                action: t(state, ctx, "now-vote-action"),
            },
            Need::MeetingInSession { assembly, present } => Card {
                urgency: "now",
                text: ta(state, ctx, "now-meeting-in-session", &[("meeting", titles.assembly(assembly))]),
                href: format!("{base}/a/{assembly}"),
                action: t(state, ctx, if present { "now-meeting-join" } else { "now-meeting-check-in" }),
            },
            Need::Ballot { election } => {
                let collect = credentials.contains(&election);
                Card {
                    urgency: "now",
                    text: ta(state, ctx, "now-ballot", &[("election", titles.election(election))]),
                    href: format!("{base}/e/{election}/{}", if collect { "credential" } else { "vote" }),
                    action: t(state, ctx, if collect { "now-ballot-collect" } else { "now-ballot-vote" }),
                }
            }
            Need::MeetingPlanned { assembly } => Card {
                urgency: "soon",
                text: ta(state, ctx, "now-meeting-planned", &titles.planned(assembly)),
                href: format!("{base}/a/{assembly}"),
                action: t(state, ctx, "now-open"),
            },
            Need::ElectionToFinish { election, status } => Card {
                urgency: "soon",
                text: ta(
                    state,
                    ctx,
                    if status == ElectionStatus::Setup { "now-finish-setup" } else { "now-finish-tally" },
                    &[("election", titles.election(election))],
                ),
                href: format!("{base}/e/{election}"),
                action: t(state, ctx, "now-open"),
            },
        });
    }
    // A trustee's turn comes right after the votes and meetings in session, before what is only coming.
    let at = cards.iter().position(|card| card.urgency == "soon").unwrap_or(cards.len());
    cards.splice(at..at, trustee_cards);
    Ok(cards)
}

/// The titles the cards name, copied out of the council so the set-ups can be read after the council's lock.
struct Titles {
    assemblies: Vec<(u32, String, String, String)>,
    elections: Vec<(u32, String)>,
}

impl Titles {
    fn of(council: &Council) -> Titles {
        Titles {
            assemblies: council
                .assemblies()
                .iter()
                .map(|a| (a.id, a.title.to_string(), a.starts.to_string(), a.place.to_string()))
                .collect(),
            elections: council.elections().iter().map(|e| (e.id, e.title.to_string())).collect(),
        }
    }

    fn assembly(&self, id: u32) -> String {
        self.assemblies.iter().find(|a| a.0 == id).map(|a| a.1.clone()).unwrap_or_default()
    }

    fn planned(&self, id: u32) -> Vec<(&'static str, String)> {
        let found = self.assemblies.iter().find(|a| a.0 == id);
        vec![
            ("meeting", found.map(|a| a.1.clone()).unwrap_or_default()),
            ("starts", found.map(|a| a.2.clone()).unwrap_or_default()),
            ("place", found.map(|a| a.3.clone()).unwrap_or_default()),
        ]
    }

    fn election(&self, id: u32) -> String {
        self.elections.iter().find(|e| e.0 == id).map(|e| e.1.clone()).unwrap_or_default()
    }
}

/// The "Needs you now" section; `council_name` prefixes each card on the home page, where cards of several councils
/// meet.
pub(crate) fn section(state: &AppState, ctx: &Ctx, cards: &[(Option<String>, Card)]) -> Markup {
    html! {
        section.now aria-labelledby="now-heading" {
            h2 id="now-heading" { (t(state, ctx, "now-title")) }
            @if cards.is_empty() {
                p.quiet { (t(state, ctx, "now-nothing")) }
            } @else {
                ul.cards {
                    @for (council_name, card) in cards {
                        li class={ "card " (card.urgency) } {
                            p {
                                @if let Some(name) = council_name { span.council { (name) } " " }
                                (card.text)
                            }
                            a.button href=(card.href) { (card.action) }
                        }
                    }
                }
            }
        }
    }
}
