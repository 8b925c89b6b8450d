//! How long loading, validating and indexing the embedded knowledge base takes.

fn main() {
    divan::main();
}

#[divan::bench]
fn load_embedded_knowledge_base() -> marsad_kb::KnowledgeBase {
    marsad_kb::KnowledgeBase::embedded().expect("valid knowledge base")
}
