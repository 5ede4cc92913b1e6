//! A federation's citations checked against the member councils' records this node holds (see
//! `kenes_council::federation::citations`): each is checked, unchecked (the record is not here, or not that far), or
//! wrong.

use kenes_council::federation::citations::{self, Cited, Expect, Status};
use kenes_record::EventHash;

use crate::error::NodeError;
use crate::node::Node;

impl Node {
    /// Checks one citation of federation `federation` against the cited record, if this node holds it.
    pub fn check_citation(&self, federation: EventHash, cited: &Cited) -> Result<Status, NodeError> {
        let Ok(council) = EventHash::from_hex(&cited.citation.council) else {
            return Ok(Status::Wrong("the citation names no council id".to_owned()));
        };
        if !self.council_ids().contains(&council) {
            return Ok(Status::Unchecked { held: None });
        }
        let height = cited.citation.height;
        let fed = federation.to_hex();
        if let Expect::Size { .. } = cited.expect {
            // A size is the council's as of the cited event: its record (verified when it arrived) folded that far.
            let events = self.store().load_event_range(council, 0, height.saturating_add(1))?;
            let Some(event) = events.last().filter(|e| e.height == height) else {
                let held = self.read(council, |lower| lower.height())?;
                return Ok(Status::Unchecked { held: Some(held) });
            };
            return Ok(match kenes_council::fold_verified(&events) {
                Ok(then) => citations::check(&fed, cited, Some((&then, Some(event)))),
                Err(e) => Status::Wrong(format!("the record does not fold to the cited height: {e}")),
            });
        }
        let event = self.store().load_event_range(council, height, height.saturating_add(1))?.into_iter().next();
        self.read(council, |lower| citations::check(&fed, cited, Some((lower, event.as_ref()))))
    }

    /// Every citation of a federation's record with what checking it against the records held here found.
    pub fn citations(&self, federation: EventHash) -> Result<Vec<(Cited, Status)>, NodeError> {
        let cited = self.read(federation, citations::cited)?;
        cited
            .into_iter()
            .map(|c| {
                let status = self.check_citation(federation, &c)?;
                Ok((c, status))
            })
            .collect()
    }
}
