// Generated from templates/ by `RECORD_GOLDENS=1 swift test --filter TemplateEmbeddingTests`.
// Do not edit: edit the files under templates/ and regenerate; a test keeps the two equal.

/// The files under `templates/`, built into the binary so that `mignet init` needs nothing else.
enum EmbeddedTemplates {
    /// Each template's path under `templates/` and its text.
    static let files: [(path: String, contents: String)] = [
        ("argocd-plugin/applicationset.yaml", ##"""
# An Argo CD ApplicationSet for every spec in clusters/: one Application per spec, rendered at
# sync time by mignet's plugin (no rendered/ folder in git), deployed to the Argo CD cluster of
# the spec's metadata.name. The selector keeps the generator to files of kind MigrationNetwork,
# so defaults files and other YAML in clusters/ become no Application. Each Application passes
# its spec file (SPEC) as well as its cluster (CLUSTER): mignet reads that file and the defaults
# file it names, nothing else of the folder, and manifest-generate-paths names the same files, so
# that where Argo CD honours it (refreshes from a git webhook) a commit regenerates the
# Applications whose files it touches.
# preserveResourcesOnDeletion: an Application whose spec disappears (or the whole
# ApplicationSet) is deleted without deleting what it deployed, so the cluster keeps working;
# to go back to the management network, disable the spec first and delete it later.
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: migration-network
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  syncPolicy:
    preserveResourcesOnDeletion: true
  generators:
    - git:
        repoURL: {{repository}}
        revision: HEAD
        files:
          - path: clusters/*.yaml
      selector:
        matchLabels:
          kind: MigrationNetwork
  template:
    metadata:
      name: 'migration-network-{{.metadata.name}}'
      annotations:
        argocd.argoproj.io/manifest-generate-paths: '{{.path.filename}}{{ if hasKey . "defaults" }};{{ .defaults }}{{ end }}'
    spec:
      project: default
      source:
        repoURL: {{repository}}
        targetRevision: HEAD
        path: '{{.path.path}}'
        plugin:
          name: mignet
          env:
            - name: CLUSTER
              value: '{{.metadata.name}}'
            - name: SPEC
              value: '{{.path.filename}}'
      destination:
        name: '{{.metadata.name}}'
        namespace: harvester-system
      syncPolicy:
        automated:
          prune: true
          selfHeal: true

"""##),
        ("argocd-plugin/kustomization.yaml", ##"""
# Argo CD with mignet's plugin: the install manifests of the Argo CD release you run (edit the
# version), plugin.yaml as the ConfigMap mignet-plugin, and the sidecar patch. Apply with
# kubectl apply -k argocd-plugin, or add the ConfigMap and the patch to how you install Argo CD.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: argocd
resources:
  - https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/install.yaml
configMapGenerator:
  - name: mignet-plugin
    files:
      - plugin.yaml
patches:
  - path: repo-server-patch.yaml

"""##),
        ("argocd-plugin/plugin.yaml", ##"""
# mignet's Argo CD Config Management Plugin: renders one cluster's migration network at sync
# time from a folder of specs, with the argocd profile's sync waves and options. Argo CD reads it
# at /home/argocd/cmp-server/config/plugin.yaml in the sidecar (repo-server-patch.yaml mounts it
# from the ConfigMap kustomization.yaml generates). generate runs in the Application's source
# folder; the spec file is the parameter `spec` or the plugin env entry SPEC, the cluster the
# parameter `cluster` or the env entry CLUSTER (the ApplicationSet sets both env entries). With
# the spec file, mignet reads it and its defaults file only; without it, the folder's specs.
apiVersion: argoproj.io/v1alpha1
kind: ConfigManagementPlugin
metadata:
  name: mignet
spec:
  generate:
    command: [mignet, argocd-plugin, generate]
  discover:
    find:
      # Matches a folder holding a file of kind MigrationNetwork (no output: no match).
      command: [mignet, argocd-plugin, discover]
  parameters:
    static:
      - name: cluster
        title: Cluster
        tooltip: The metadata.name of the spec to render; needed when the folder holds more than one.
        required: false
      - name: spec
        title: Spec file
        tooltip: The spec file in the source folder; given, mignet reads it and its defaults file, not the whole folder.
        required: false

"""##),
        ("argocd-plugin/repo-server-patch.yaml", ##"""
# The mignet sidecar of argocd-repo-server, as Argo CD's plugin documentation wires one: its
# entrypoint is the argocd-cmp-server the repo-server's copyutil init container puts in
# /var/run/argocd, it runs as user 999, it shares the plugins socket folder, reads plugin.yaml
# from the ConfigMap, and has its own /tmp (never the repo-server's). The image is mignet's
# sidecar image of the same version as the repository's mignet (its tag is the version): built
# from the release by mignet's scripts/image.sh (FROM scratch: the binary, the C library, user
# 999) and published with skopeo copy oci-archive:... docker://REGISTRY/mignet:VERSION.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: argocd-repo-server
spec:
  template:
    spec:
      containers:
        - name: mignet
          image: {{image}}
          command: [/var/run/argocd/argocd-cmp-server]
          securityContext:
            runAsNonRoot: true
            runAsUser: 999
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - mountPath: /var/run/argocd
              name: var-files
            - mountPath: /home/argocd/cmp-server/plugins
              name: plugins
            - mountPath: /home/argocd/cmp-server/config/plugin.yaml
              subPath: plugin.yaml
              name: mignet-plugin
            - mountPath: /tmp
              name: mignet-tmp
      volumes:
        - name: mignet-plugin
          configMap:
            name: mignet-plugin
        - name: mignet-tmp
          emptyDir: {}

"""##),
        ("argocd/application.yaml", ##"""
# An Argo CD Application for one cluster: syncs rendered/my-cluster to the Argo CD cluster
# named my-cluster. Automated pruning removes the NAD of an earlier configuration; the
# Setting and the KubeVirt object carry Prune=false,Delete=false, so they are never deleted.
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: migration-network-my-cluster
  namespace: argocd
spec:
  project: default
  source:
    repoURL: {{repository}}
    targetRevision: HEAD
    path: rendered/my-cluster
  destination:
    name: my-cluster
    namespace: harvester-system
  syncPolicy:
    automated:
      prune: true
      selfHeal: true

"""##),
        ("argocd/applicationset.yaml", ##"""
# An Argo CD ApplicationSet for every cluster: one Application per spec in clusters/ (the git
# files generator, kept to files of kind MigrationNetwork by the selector), syncing the folder
# mignet renders for that spec, rendered/<metadata.name>, to the Argo CD cluster of that name.
# Only what a spec names is deployed: a folder added under rendered/ by hand becomes no
# Application (and `mignet check` in CI refuses it). Specs in subfolders of clusters/ need
# another path pattern, such as clusters/**/*.yaml.
# preserveResourcesOnDeletion: an Application whose spec disappears (or the whole
# ApplicationSet) is deleted without deleting what it deployed, so the cluster keeps working;
# to go back to the management network, disable the spec first and delete it later.
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: migration-network
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  syncPolicy:
    preserveResourcesOnDeletion: true
  generators:
    - git:
        repoURL: {{repository}}
        revision: HEAD
        files:
          - path: clusters/*.yaml
      selector:
        matchLabels:
          kind: MigrationNetwork
  template:
    metadata:
      name: 'migration-network-{{.metadata.name}}'
    spec:
      project: default
      source:
        repoURL: {{repository}}
        targetRevision: HEAD
        path: 'rendered/{{.metadata.name}}'
      destination:
        name: '{{.metadata.name}}'
        namespace: harvester-system
      syncPolicy:
        automated:
          prune: true
          selfHeal: true

"""##),
        ("fleet/gitrepo.yaml", ##"""
# A Rancher Fleet GitRepo: every folder of rendered/ is a bundle, and each bundle's fleet.yaml
# pins it to the Fleet cluster named like its spec (overrideTargets), so the GitRepo may target
# all Harvester clusters of the workspace. keepResources: deleting the GitRepo keeps what its
# bundles deployed (each bundle's fleet.yaml keeps its own on deletion too), so the clusters keep
# working; to go back to the management network, disable a spec first and delete it later.
# Needs Fleet v0.9 or later (overrideTargets). Fleet deploys every bundle it finds under
# rendered/, whoever put it there: keep `mignet check` as a required CI job, which refuses any
# entry of rendered/ that mignet does not render.
apiVersion: fleet.cattle.io/v1alpha1
kind: GitRepo
metadata:
  name: migration-network
  namespace: fleet-default
spec:
  repo: {{repository}}
  branch: main
  keepResources: true
  paths:
    - rendered

"""##),
        ("github-actions.yaml", ##"""
# GitHub Actions: fail a pull request whose specs are invalid{{or-stale}},
# and say what merging it will do to each cluster (mignet plan: in the job's summary, and
# as a comment on the pull request). The job runs mignet {{version}}, the version this repository
# pins: downloaded from MIGNET_RELEASES_URL, checked against its SHA-256 and cached. Without a
# releases host, build mignet from its tag v{{version}} instead (see docs/installing.md in mignet's repository).
name: mignet
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  pull-requests: write
env:
  MIGNET_VERSION: "{{version}}"
  MIGNET_RELEASES_URL: {{releases}}
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # mignet plan reads the base branch with git
      - name: Cache mignet
        uses: actions/cache@v4
        with:
          path: ~/.cache/mignet
          key: mignet-${{ env.MIGNET_VERSION }}-${{ runner.os }}-${{ runner.arch }}
      - name: Install mignet
        run: |
          MIGNET_CACHE="$HOME/.cache/mignet"
          {{install}}
          echo "$prefix/bin" >> "$GITHUB_PATH"
      - name: Check the migration network manifests
        run: mignet {{check}} --diagnostics-format github
      - name: Plan the change
        if: github.event_name == 'pull_request'
        run: |
          mignet plan clusters --base "origin/${{ github.base_ref }}" --delivery {{delivery}} --format markdown > mignet-plan.md
          cat mignet-plan.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment the plan on the pull request
        if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository
        uses: marocchino/sticky-pull-request-comment@v2
        with:
          header: mignet-plan
          path: mignet-plan.md

"""##),
        ("gitlab-ci.yml", ##"""
# GitLab CI: fail a merge request whose specs are invalid{{or-stale}},
# and keep what merging it will do to each cluster (mignet plan) as a job artifact. The jobs run
# mignet {{version}}, the version this repository pins: downloaded from MIGNET_RELEASES_URL,
# checked against its SHA-256 and cached. Without a releases host, build mignet from its tag
# v{{version}} instead (see docs/installing.md in mignet's repository).
.mignet-install:
  image: buildpack-deps:bookworm-scm   # curl, git and the C library mignet needs
  variables:
    MIGNET_VERSION: "{{version}}"
    MIGNET_RELEASES_URL: {{releases}}
    MIGNET_CACHE: "$CI_PROJECT_DIR/.mignet-cache"
  cache:
    key: mignet-{{version}}
    paths:
      - .mignet-cache/
  before_script:
    - |
      {{install}}
      export PATH="$prefix/bin:$PATH"

mignet-check:
  extends: .mignet-install
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - mignet {{check}}

mignet-plan:
  extends: .mignet-install
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0"   # mignet plan reads the target branch with git
  script:
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - mignet plan clusters --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --delivery {{delivery}} --format markdown > mignet-plan.md
    - cat mignet-plan.md
  artifacts:
    expose_as: mignet plan
    paths:
      - mignet-plan.md

"""##),
        ("install-mignet.sh", ##"""
# mignet $MIGNET_VERSION from $MIGNET_RELEASES_URL/v$MIGNET_VERSION/, checked against its
# SHA-256 and kept in $MIGNET_CACHE/$MIGNET_VERSION (a prefix: bin/mignet).
set -eu
case "$MIGNET_RELEASES_URL" in
  *REPLACE-WITH-*)
    echo "mignet: set MIGNET_RELEASES_URL to where mignet releases are downloaded from (RELEASES_URL/vVERSION/FILE), or build mignet $MIGNET_VERSION from its tag (see docs/installing.md in mignet's repository)" >&2
    exit 1 ;;
esac
name="mignet-$MIGNET_VERSION-linux-$(uname -m)"
prefix="$MIGNET_CACHE/$MIGNET_VERSION"
if [ ! -x "$prefix/bin/mignet" ]; then
  rm -rf "$prefix.download" && mkdir -p "$prefix.download"
  (cd "$prefix.download" &&
    curl -fsSL -o "$name.tar.gz" "$MIGNET_RELEASES_URL/v$MIGNET_VERSION/$name.tar.gz" &&
    curl -fsSL -o "$name.tar.gz.sha256" "$MIGNET_RELEASES_URL/v$MIGNET_VERSION/$name.tar.gz.sha256" &&
    sha256sum -c "$name.tar.gz.sha256" &&
    tar -xzf "$name.tar.gz" --strip-components 1 &&
    rm "$name.tar.gz" "$name.tar.gz.sha256")
  mv "$prefix.download" "$prefix"
fi
"$prefix/bin/mignet" --version

"""##),
        ("mignet.yaml", ##"""
# mignet's repository file: what every mignet command in this repository takes when it is not
# told otherwise, so that `mignet render`, `mignet check`, `mignet validate` and
# `mignet plan --base main` need no arguments and no command contradicts another. Commands find
# it from any folder of the repository. See docs/commands.md in mignet's repository.
apiVersion: mignet/v1
kind: Repository
delivery: {{mode}}
specs:
  - clusters
{{#committed}}
output: rendered
{{/committed}}
minimumVersion: {{version}}

"""##),
        ("pre-commit-config.yaml", ##"""
# pre-commit (https://pre-commit.com): on every commit that touches YAML, {{hook-purpose}}.
# Needs mignet on PATH; install the hooks with `pre-commit install`. The hooks run the mignet on
# PATH: mignet.yaml's minimumVersion ({{version}}) makes an older one fail them with a message
# that says so, as CI (which runs mignet {{version}}) would.
repos:
  - repo: local
    hooks:
{{#committed}}
      - id: mignet-render
        name: mignet render
        entry: mignet render clusters -o rendered --delivery {{delivery}}
        language: system
        pass_filenames: false
        files: \.(yaml|yml)$
{{/committed}}
{{^committed}}
      - id: mignet-validate
        name: mignet validate
        entry: mignet {{check}}
        language: system
        pass_filenames: false
        files: \.(yaml|yml)$
{{/committed}}

"""##),
        ("spec.yaml", ##"""
# yaml-language-server: $schema=../schema/mignet-v1.schema.json
# A mignet spec: one Harvester cluster's VM migration network. The reference is mignet's
# docs/reference/spec.md. This repository delivers with the {{delivery}} profile: render with
# `mignet render clusters -o rendered --delivery {{delivery}}`; CI runs `mignet check` with the same arguments.
apiVersion: mignet/v1
kind: MigrationNetwork
metadata:
  name: my-cluster            # a DNS-1123 label: names the output folder (and the target cluster)
spec:
  # harvesterVersion: v1.9    # the cluster's Harvester release, whose rules apply (without it: every release's)
  clusterNetwork: migration   # the Harvester ClusterNetwork that carries the VLAN (at most 12 characters)
  vlan: 100                   # 1...4094
  range: 10.1.2.0/24          # IPv4 CIDR, /16.../30, clear of the pod and service networks (by default
                              # 10.42/16, 10.43/16, 10.52/16, 10.53/16; else set clusterPodCIDR, clusterServiceCIDR)
  exclude:                    # addresses whereabouts must not hand out: an address, a CIDR or A-B
    - 10.1.2.1
  nodes: 3                    # nodes that run virt-handler today (witness nodes do not)

"""##),
    ]
}
