//! Reading `data/events/*.jsonl` into the typed [`Coding`]: the taxonomy checked against
//! ACLED's fixed list, one rule per frame, one weight per role feature, affiliates by actor id.

use super::{At, Loader};
use crate::coding::{Affiliate, Frame, FrameRule, RoleFeature, RoleWeight, RoleWeights, SubEvent, SubEventInfo};

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum RawCodingLine {
    SubEvent { event_type: String, sub_event_type: String, disorder_type: String, description: String },
    Frame { frame: String, sub_event_type: String, if_civilian_target: Option<String> },
    Weight { feature: String, actor1: f32, actor2: f32, why: String },
    Threshold { threshold: f32 },
    Affiliate { parent: String, affiliate: String, countries: Vec<String> },
    Unit { unit: String, coded_as: String },
    Ally { ally: String, fights_for: Vec<String> },
}

/// What the events files hold before the actors are known.
#[derive(Default)]
pub(super) struct RawCoding {
    weights: Vec<(RoleFeature, RoleWeight)>,
    threshold: Option<f32>,
    affiliates: Vec<(String, String, Vec<String>, usize)>,
    units: Vec<(String, String, usize)>,
    allies: Vec<(String, Vec<String>, usize)>,
    frames: Vec<Option<FrameRule>>,
    /// Where the role weights were read (for error messages).
    weights_file: Option<String>,
}

fn sub_event(name: &str) -> Result<SubEvent, String> {
    SubEvent::from_name(name).ok_or_else(|| format!("unknown ACLED sub-event type `{name}`"))
}

impl Loader {
    /// One line of a file under `events/`.
    pub(super) fn coding_line(&mut self, at: At<'_>, line: &str) -> Result<(), serde_json::Error> {
        let raw: RawCodingLine = serde_json::from_str(line)?;
        if let Err(message) = self.coding(at, raw) {
            self.error(at, message);
        }
        Ok(())
    }

    fn coding(&mut self, at: At<'_>, raw: RawCodingLine) -> Result<(), String> {
        match raw {
            RawCodingLine::SubEvent { event_type, sub_event_type, disorder_type, description } => {
                let sub = sub_event(&sub_event_type)?;
                if sub.event_type().as_str() != event_type {
                    return Err(format!("`{sub_event_type}` belongs to `{}`, not `{event_type}`", sub.event_type()));
                }
                if self.kb.taxonomy.sub_events.iter().any(|s| s.sub_event == sub) {
                    return Err(format!("sub-event type `{sub_event_type}` listed twice"));
                }
                self.kb.taxonomy.sub_events.push(SubEventInfo { sub_event: sub, disorder_type, description });
            }
            RawCodingLine::Frame { frame, sub_event_type, if_civilian_target } => {
                let frame = Frame::from_name(&frame).ok_or_else(|| format!("unknown frame `{frame}`"))?;
                let rule = FrameRule {
                    frame,
                    sub_event: sub_event(&sub_event_type)?,
                    if_civilian_target: if_civilian_target.as_deref().map(sub_event).transpose()?,
                };
                let frames = &mut self.coding.frames;
                frames.resize(Frame::ALL.len(), None);
                if frames[frame.index()].replace(rule).is_some() {
                    return Err(format!("frame `{frame}` has two rules"));
                }
            }
            RawCodingLine::Weight { feature, actor1, actor2, why } => {
                let feature =
                    RoleFeature::from_name(&feature).ok_or_else(|| format!("unknown role feature `{feature}`"))?;
                if why.trim().is_empty() || !actor1.is_finite() || !actor2.is_finite() {
                    return Err(format!("role feature `{feature}` needs finite weights and a reason"));
                }
                self.coding.weights.push((feature, RoleWeight { actor1, actor2 }));
                self.coding.weights_file = Some(at.file.to_string());
            }
            RawCodingLine::Threshold { threshold } => {
                if self.coding.threshold.replace(threshold).is_some() || !threshold.is_finite() {
                    return Err("one finite threshold only".into());
                }
            }
            RawCodingLine::Affiliate { parent, affiliate, countries } => {
                self.coding.affiliates.push((parent, affiliate, countries, at.line));
            }
            RawCodingLine::Unit { unit, coded_as } => {
                self.coding.units.push((unit, coded_as, at.line));
            }
            RawCodingLine::Ally { ally, fights_for } => {
                self.coding.allies.push((ally, fights_for, at.line));
            }
        }
        Ok(())
    }

    /// Check the events files as a whole and move them into the knowledge base.
    pub(super) fn finish_coding(&mut self, problems: &mut Vec<String>) {
        let raw = std::mem::take(&mut self.coding);
        let taxonomy = &self.kb.taxonomy;
        for sub in SubEvent::ALL {
            if !taxonomy.sub_events.iter().any(|s| s.sub_event == *sub) {
                problems.push(format!("events/taxonomy.jsonl lacks ACLED's sub-event type `{sub}`"));
            }
        }
        let mut frames = raw.frames;
        frames.resize(Frame::ALL.len(), None);
        for (frame, rule) in Frame::ALL.iter().zip(&frames) {
            if rule.is_none() {
                problems.push(format!("events/taxonomy.jsonl has no rule for frame `{frame}`"));
            }
        }
        let mut affiliates = Vec::new();
        for (parent, affiliate, countries, line) in raw.affiliates {
            let index = |id: &str| self.kb.actors.iter().position(|a| a.id == id).map(|i| i as u32);
            let (Some(p), Some(a)) = (index(&parent), index(&affiliate)) else {
                problems.push(format!("events/affiliates.jsonl:{line}: unknown actor `{parent}` or `{affiliate}`"));
                continue;
            };
            affiliates.push(Affiliate { parent: p, affiliate: a, countries });
        }
        let mut units = Vec::new();
        for (unit, group, line) in raw.units {
            let index = |id: &str| self.kb.actors.iter().position(|a| a.id == id).map(|i| i as u32);
            match (index(&unit), index(&group)) {
                (Some(u), Some(g)) => units.push((u, g)),
                _ => problems.push(format!("events/affiliates.jsonl:{line}: unknown actor `{unit}` or `{group}`")),
            }
        }
        let mut allies = Vec::new();
        for (ally, countries, line) in raw.allies {
            match self.kb.actors.iter().position(|a| a.id == ally) {
                Some(a) => allies.push((a as u32, countries)),
                None => problems.push(format!("events/affiliates.jsonl:{line}: unknown actor `{ally}`")),
            }
        }
        let taxonomy = &mut self.kb.taxonomy;
        taxonomy.frames = frames.into_iter().flatten().collect();
        taxonomy.affiliates = affiliates;
        taxonomy.units = units;
        taxonomy.allies = allies;
        let file = raw.weights_file.unwrap_or_else(|| "events/roles.jsonl".into());
        match RoleWeights::new(&raw.weights, raw.threshold.unwrap_or(0.0)) {
            Ok(weights) if raw.threshold.is_some() => taxonomy.roles = weights,
            Ok(_) => problems.push(format!("{file}: no `threshold` line")),
            Err(message) => problems.push(format!("{file}: {message}")),
        }
        for entry in self.kb.lexicon.list_named("event-triggers").entries() {
            let role = entry.role.as_deref().unwrap_or("");
            let frame = [":passive", ":loss", ":idiom"].iter().find_map(|s| role.strip_suffix(s)).unwrap_or(role);
            if Frame::from_name(frame).is_none() {
                problems.push(format!("lexicon/events-triggers.jsonl: trigger role `{frame}` is not a frame"));
            }
        }
    }
}
