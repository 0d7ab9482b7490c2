/// How a strategy is carried out, as far as its cost goes: where its facts come from and
/// whose prices its model has. `advise --cost` reads it from the advice's variants, by the
/// ids the product contract fixes; standalone `cost` uses the default.
public struct CostShape: Equatable, Sendable {
    /// Where the model's facts come from: the choices of the `retrieval` variant.
    public enum Retrieval: String, Equatable, Sendable, CaseIterable {
        /// Context retrieved for each request (``CostField/contextTokens``, for a tuned model
        /// ``CostField/tunedContextTokens``) and the retrieval upkeep.
        case rag
        /// The whole collection in every prompt (``CostField/collectionTokens``), which the
        /// base model reads from its prompt cache like the fixed prompt.
        case inContext = "in-context"
        /// No context and no retrieval upkeep.
        case none
    }

    /// The id of the variant that sets ``retrieval``.
    public static let retrievalVariant = "retrieval"
    /// The id of the variant whose ``distillationChoice`` sets ``distilled``.
    public static let trainingVariant = "training"
    /// The `training` choice that makes the model a distilled one.
    public static let distillationChoice = "distillation"
    /// The `training` choice that trains by reinforcement against a grader, which the cost
    /// model prices per training token as a supervised run (``CostReview/Note/reinforcement(strategy:)``).
    public static let reinforcementChoice = "reinforcement"
    /// The `training` choice that tunes on preference pairs, whose length bias a measured
    /// file may show (``Advice/qualify(byBiasedPreferencePairs:)``).
    public static let preferenceChoice = "preference"

    /// Where the model's facts come from.
    public var retrieval: Retrieval
    /// Whether the tuned model is a distilled one, priced at its own prices where given.
    public var distilled: Bool

    /// A shape; by default retrieved context and a model priced as tuned, as standalone
    /// `cost` has it.
    public init(retrieval: Retrieval = .rag, distilled: Bool = false) {
        self.retrieval = retrieval
        self.distilled = distilled
    }

    /// The shape that a plan stage's variants give; a variant or choice it does not know
    /// leaves the default.
    public init(variants: [VariantDecision]) {
        self.init()
        for variant in variants {
            switch variant.variant {
            case Self.retrievalVariant: retrieval = Retrieval(rawValue: variant.choice) ?? .rag
            case Self.trainingVariant: distilled = variant.choice == Self.distillationChoice
            default: continue
            }
        }
    }
}

extension Advice {
    /// The transience answer as it dates a trained model, which sets the retrain cadence:
    /// only when what the model must gain is knowledge alone would a tuned model hold the facts
    /// whose pace it gives. A behaviour is not dated by it (the facts stay in retrieval or
    /// arrive with each request), so other advice prices no retraining from it.
    public var retrainTransience: CostTransience? {
        guard answers[Contract.needQuestion] == Contract.knowledgeNeed else { return nil }
        return answers[Contract.transienceQuestion].flatMap(CostTransience.init(rawValue:))
    }

    /// How the plan carries out each of its strategies, for ``CostModel/compare(_:shapes:requiringTrained:)``:
    /// each stage's variants, by its strategy. A stage with no `retrieval` variant of its own
    /// keeps the retrieval of the stage before it: a tuned model needs the facts the prompted
    /// one did, from the same place. Where the model must gain a behaviour alone, its facts
    /// arrive with each request: prompting and a tuned model, in the plan or not, are costed
    /// with no retrieval unless a stage says otherwise (the hybrid keeps its own). Prompting,
    /// where the plan has no stage of it, is the baseline a payback is measured against: it
    /// gets its facts as the plan's first stage does, so the two are priced alike.
    public var costShapes: [String: CostShape] {
        let nothingToRetrieve = answers[Contract.needQuestion] == Contract.behaviourNeed
        var shapes: [String: CostShape] = [:]
        var retrieval: CostShape.Retrieval? = nothingToRetrieve ? CostShape.Retrieval.none : nil
        for stage in plan where shapes[stage.strategy] == nil {
            var shape = CostShape(variants: stage.variants)
            if stage.variants.contains(where: { $0.variant == CostShape.retrievalVariant }) {
                retrieval = shape.retrieval
            } else if let retrieval {
                shape.retrieval = retrieval
            }
            shapes[stage.strategy] = shape
        }
        if nothingToRetrieve {
            for strategy in [StrategyID.promptEngineering, .promptTuning, .fineTuning] where shapes[strategy.rawValue] == nil {
                shapes[strategy.rawValue] = CostShape(retrieval: .none)
            }
        }
        if shapes[StrategyID.promptEngineering.rawValue] == nil, let first = plan.first.flatMap({ shapes[$0.strategy] }) {
            shapes[StrategyID.promptEngineering.rawValue] = CostShape(retrieval: first.retrieval)
        }
        return shapes
    }

    /// The strategies the advice rules out: those whose ranking entry is excluded.
    public var excludedStrategies: Set<String> {
        Set(ranking.filter(\.excluded).map(\.strategy))
    }
}
