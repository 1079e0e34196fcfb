/// `waitForMigrations` needs a timeout of a minute to a day and an image reference (no spaces,
/// not empty): the hook Job would otherwise fail at every sync, or never give up.
struct WaitForMigrationsRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let wait = spec.waitForMigrations else { return [] }
        var diagnostics: [Diagnostic] = []
        if let timeout = wait.timeoutSeconds, !FieldBounds.waitTimeout.contains(timeout.value) {
            diagnostics.append(.waitForMigrationsInvalid("timeoutSeconds \(timeout.value) is outside \(FieldBounds.waitTimeout.lowerBound)...\(FieldBounds.waitTimeout.upperBound)", at: timeout.location))
        }
        if let image = wait.image, image.value.isEmpty || image.value.contains(where: \.isWhitespace) {
            diagnostics.append(.waitForMigrationsInvalid("image '\(image.value)' is not an image reference; expected one with /bin/sh and kubectl, such as alpine/k8s:1.33.5", at: image.location))
        }
        return diagnostics
    }
}
