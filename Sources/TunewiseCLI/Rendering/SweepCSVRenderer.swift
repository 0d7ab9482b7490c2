import TunewiseKit

/// The sweep as one flat table for spreadsheets and data frames, with a header row.
///
/// Without a map, one row per varied question and answer:
/// `question,answer,situations,` then the situations won by each strategy. With a map, one
/// row per cell instead: the row question's answer, the column question's answer (the
/// header names the two questions), `situations`, the counts per strategy, and `winner`.
/// An unanswered refinement's answer is empty. Ids need no quoting: they are lowercase
/// letters, digits and `-`.
struct SweepCSVRenderer {
    func render(_ report: SweepReport) -> String {
        let result = report.result
        var rows: [[String]]
        if let map = result.map {
            rows = [[map.row, map.column, "situations"] + result.strategies + ["winner"]]
            for (rowValue, cells) in zip(map.rowValues, map.cells) {
                for (columnValue, cell) in zip(map.columnValues, cells) {
                    rows.append([rowValue ?? "", columnValue ?? "", "\(cell.situations)"] + cell.counts.map(String.init) + [cell.winner ?? ""])
                }
            }
        } else {
            rows = [["question", "answer", "situations"] + result.strategies]
            for question in result.questions {
                let situations = "\(result.situationsPerAnswer(of: question))"
                for (value, counts) in zip(question.values, question.counts) {
                    rows.append([question.id, value ?? "", situations] + counts.map(String.init))
                }
            }
        }
        return rows.map { $0.joined(separator: ",") + "\n" }.joined()
    }
}
