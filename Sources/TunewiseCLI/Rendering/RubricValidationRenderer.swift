import TunewiseKit

/// What `rubric validate` found in one file.
struct RubricValidation {
    /// The file as named on the command line.
    var path: String
    /// The rubric, or why the file is not one.
    var result: Result<Rubric, RubricLoadError>
}

/// `rubric validate`: `FILE: valid (...)`, or one `FILE: problem` line per problem.
struct RubricValidationRenderer: ReportRenderer {
    func render(_ validation: RubricValidation) -> String {
        let path = validation.path
        switch validation.result {
        case .success(let rubric):
            return
                "\(path): valid (\(rubric.nameWithPolicy), \(rubric.questions.count) questions, \(rubric.rules.count) rules, \(rubric.exclusions.count) exclusions)\n"
        case .failure(.syntax(let error)):
            return "\(path): not valid JSON: \(error.description)\n"
        case .failure(.invalid(let problems)):
            return problems.map { "\(path): \($0)\n" }.joined()
        }
    }
}
