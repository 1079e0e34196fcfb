import MigNetYAML

/// The argocd profile's optional PreSync hook (`spec.waitForMigrations`): a Job that waits until
/// no VirtualMachineInstanceMigration is running, at most `timeoutSeconds`, and fails the sync
/// otherwise, since changing the setting restarts every virt-handler pod and aborts migrations in
/// flight (and Harvester's webhook refuses the change meanwhile).
///
/// Written from Argo CD's resource-hook documentation (docs/user-guide/resource_hooks.md,
/// sync-waves.md): PreSync hooks run before any manifest is applied, and a failed one stops the
/// sync; sync waves order hooks within the phase, so the ServiceAccount and its read-only RBAC
/// (wave -1) exist before the Job (wave 0); `BeforeHookCreation` replaces each hook at the next
/// sync and keeps the last Job to inspect.
enum PreSyncHook {
    static let name = "mignet-wait-for-migrations"
    static let hookKey = "argocd.argoproj.io/hook"
    static let deletePolicyKey = "argocd.argoproj.io/hook-delete-policy"

    /// The script the Job runs: lists the migrations each 10 s and succeeds when none is in a
    /// phase other than Succeeded or Failed.
    static let script = """
        deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
        while :; do
          running=$(kubectl get virtualmachineinstancemigrations.kubevirt.io --all-namespaces \\
            -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name} {.spec.vmiName} {.status.phase}{"\\n"}{end}' \\
            | grep -v -E ' (Succeeded|Failed)$' | grep . || true)
          if [ -z "$running" ]; then echo "no VM migration is running"; exit 0; fi
          if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "VM migrations still running after ${TIMEOUT_SECONDS}s (namespace/name VM phase):"; echo "$running"; exit 1
          fi
          echo "waiting for running VM migrations:"; echo "$running"
          sleep 10
        done

        """

    static func annotations(wave: String) -> YAMLValue {
        .mapping([
            YAMLEntry(hookKey, .string("PreSync")),
            YAMLEntry(deletePolicyKey, .string("BeforeHookCreation")),
            YAMLEntry(ArgoCDProfile.waveKey, .string(wave)),
        ])
    }

    static func metadata(namespaced: Bool, wave: String) -> YAMLValue {
        var entries = [YAMLEntry("name", .string(name))]
        if namespaced { entries.append(YAMLEntry("namespace", .string(Harvester.namespace))) }
        entries.append(YAMLEntry("annotations", annotations(wave: wave)))
        return .mapping(entries)
    }

    /// The ServiceAccount, ClusterRole, ClusterRoleBinding and Job, in that order.
    static func documents(_ wait: MigrationNetwork.WaitForMigrations) -> [YAMLValue] {
        let serviceAccount = YAMLValue.mapping([
            YAMLEntry("apiVersion", .string("v1")),
            YAMLEntry("kind", .string("ServiceAccount")),
            YAMLEntry("metadata", metadata(namespaced: true, wave: "-1")),
        ])
        let role = YAMLValue.mapping([
            YAMLEntry("apiVersion", .string("rbac.authorization.k8s.io/v1")),
            YAMLEntry("kind", .string("ClusterRole")),
            YAMLEntry("metadata", metadata(namespaced: false, wave: "-1")),
            YAMLEntry("rules", .sequence([.mapping([
                YAMLEntry("apiGroups", .sequence([.string("kubevirt.io")])),
                YAMLEntry("resources", .sequence([.string("virtualmachineinstancemigrations")])),
                YAMLEntry("verbs", .sequence([.string("get"), .string("list")])),
            ])])),
        ])
        let binding = YAMLValue.mapping([
            YAMLEntry("apiVersion", .string("rbac.authorization.k8s.io/v1")),
            YAMLEntry("kind", .string("ClusterRoleBinding")),
            YAMLEntry("metadata", metadata(namespaced: false, wave: "-1")),
            YAMLEntry("roleRef", .mapping([
                YAMLEntry("apiGroup", .string("rbac.authorization.k8s.io")),
                YAMLEntry("kind", .string("ClusterRole")),
                YAMLEntry("name", .string(name)),
            ])),
            YAMLEntry("subjects", .sequence([.mapping([
                YAMLEntry("kind", .string("ServiceAccount")),
                YAMLEntry("name", .string(name)),
                YAMLEntry("namespace", .string(Harvester.namespace)),
            ])])),
        ])
        let job = YAMLValue.mapping([
            YAMLEntry("apiVersion", .string("batch/v1")),
            YAMLEntry("kind", .string("Job")),
            YAMLEntry("metadata", metadata(namespaced: true, wave: "0")),
            YAMLEntry("spec", .mapping([
                // The script's own deadline comes first; the Job's is a backstop.
                YAMLEntry("activeDeadlineSeconds", .integer(wait.timeoutSeconds + 120)),
                YAMLEntry("backoffLimit", .integer(0)),
                YAMLEntry("template", .mapping([YAMLEntry("spec", .mapping([
                    YAMLEntry("serviceAccountName", .string(name)),
                    YAMLEntry("restartPolicy", .string("Never")),
                    YAMLEntry("containers", .sequence([.mapping([
                        YAMLEntry("name", .string("wait")),
                        YAMLEntry("image", .string(wait.image)),
                        YAMLEntry("command", .sequence([.string("/bin/sh"), .string("-c"), .string(script, .literal)])),
                        YAMLEntry("env", .sequence([.mapping([
                            YAMLEntry("name", .string("TIMEOUT_SECONDS")),
                            YAMLEntry("value", .string(String(wait.timeoutSeconds))),
                        ])])),
                    ])])),
                ]))])),
            ])),
        ])
        return [serviceAccount, role, binding, job]
    }
}
