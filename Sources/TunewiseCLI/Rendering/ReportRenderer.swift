import TunewiseKit

/// Writes one kind of report in one output format: a pure function from the report to the
/// text printed, with a golden test per format. Each report kind chooses its renderer in one
/// place, from its format enum.
protocol ReportRenderer<Input> {
    /// The report this renderer writes.
    associatedtype Input
    /// The text of `report`, ready for standard output.
    func render(_ report: Input) -> String
}

extension TextRenderer: ReportRenderer {}
extension JSONRenderer: ReportRenderer {}
extension MarkdownRenderer: ReportRenderer {}
extension SummaryRenderer: ReportRenderer {}
extension SweepTextRenderer: ReportRenderer {}
extension SweepJSONRenderer: ReportRenderer {}
extension SweepMarkdownRenderer: ReportRenderer {}
extension SweepCSVRenderer: ReportRenderer {}
extension CostTextRenderer: ReportRenderer {}
extension CostJSONRenderer: ReportRenderer {}
extension CostMarkdownRenderer: ReportRenderer {}
extension DiffTextRenderer: ReportRenderer {}
extension DiffJSONRenderer: ReportRenderer {}
extension DiffMarkdownRenderer: ReportRenderer {}

/// `advise --why-not STRATEGY-ID`: only why that strategy is not the advice, in each format.
struct WhyNotRenderer: ReportRenderer {
    /// The strategy asked about.
    let strategy: String
    let format: AdviseFormat
    /// The style of the text format.
    let style: TextStyle

    func render(_ report: Report) -> String {
        switch format {
        case .text: TextRenderer(style: style).renderWhyNot(strategy, report)
        case .json: JSONRenderer().renderWhyNot(strategy, report)
        case .markdown: MarkdownRenderer().renderWhyNot(strategy, report)
        case .summary: SummaryRenderer().renderWhyNot(strategy, report)
        }
    }
}

extension AdviseFormat {
    /// The renderer for this format; with `whyNot`, the one for that strategy's case in this
    /// format. `style` is for text.
    func renderer(style: TextStyle, whyNot: String?) -> any ReportRenderer<Report> {
        if let whyNot { return WhyNotRenderer(strategy: whyNot, format: self, style: style) }
        switch self {
        case .text: return TextRenderer(style: style)
        case .json: return JSONRenderer()
        case .markdown: return MarkdownRenderer()
        case .summary: return SummaryRenderer()
        }
    }
}

extension SweepFormat {
    /// The renderer for this format; `style` is for text.
    func renderer(style: TextStyle) -> any ReportRenderer<SweepReport> {
        switch self {
        case .text: SweepTextRenderer(style: style)
        case .json: SweepJSONRenderer()
        case .markdown: SweepMarkdownRenderer()
        case .csv: SweepCSVRenderer()
        }
    }
}

extension ReportFormat {
    /// The `cost` renderer for this format; `style` and `asciiOnly` are for text.
    func costRenderer(style: TextStyle, asciiOnly: Bool) -> any ReportRenderer<CostReport> {
        switch self {
        case .text: CostTextRenderer(style: style, asciiOnly: asciiOnly)
        case .json: CostJSONRenderer()
        case .markdown: CostMarkdownRenderer()
        }
    }

    /// The `diff` renderer for this format; text wraps to `width`.
    func diffRenderer(width: Int) -> any ReportRenderer<DiffReport> {
        switch self {
        case .text: DiffTextRenderer(width: width)
        case .json: DiffJSONRenderer()
        case .markdown: DiffMarkdownRenderer()
        }
    }
}

extension QuestionsFormat {
    /// The `questions` renderer for this format; text wraps to `width`.
    func renderer(width: Int) -> any ReportRenderer<Rubric> {
        switch self {
        case .text: QuestionsTextRenderer(width: width)
        case .json: QuestionsJSONRenderer()
        }
    }
}
