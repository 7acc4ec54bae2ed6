{{/* The chart's name, or nameOverride. */}}
{{- define "smo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Object names: fullnameOverride, else RELEASE-smo (just RELEASE when it already contains the chart's name). */}}
{{- define "smo.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "smo.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "smo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "smo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "smo.labels" -}}
helm.sh/chart: {{ include "smo.chart" . }}
{{ include "smo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: server
{{- end }}

{{- define "smo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "smo.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "smo.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Secret the settings' secrets come from: existingSecret, or the chart's own. */}}
{{- define "smo.secretName" -}}
{{- default (include "smo.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* "true" when SMO uses an external PostgreSQL (a URL in the chart's Secret, or declared in existingSecret). */}}
{{- define "smo.externalDatabase" -}}
{{- if or .Values.database.url .Values.database.external }}true{{ end }}
{{- end }}

{{/* Refuses value combinations that cannot work, each with what to set instead. */}}
{{- define "smo.validate" -}}
{{- $replicas := int .Values.replicaCount }}
{{- if lt $replicas 0 }}
{{- fail (printf "replicaCount (%d) is negative." $replicas) }}
{{- end }}
{{- if and (gt $replicas 1) (not (include "smo.externalDatabase" .)) }}
{{- fail (printf "replicaCount (%d) needs an external PostgreSQL: the embedded database lives inside one pod, so replicas would not share their state.\nMaybe set database.url=postgresql://USER:PASSWORD@HOST:5432/smo, or database.external=true with SMO_DATABASE_URL in existingSecret, or replicaCount=1." $replicas) }}
{{- end }}
{{- if and .Values.database.external (not .Values.database.url) (not .Values.existingSecret) }}
{{- fail "database.external is true, but neither database.url nor existingSecret (holding SMO_DATABASE_URL) is set.\nMaybe set database.url=postgresql://USER:PASSWORD@HOST:5432/smo." }}
{{- end }}
{{- if and (include "smo.externalDatabase" .) (not .Values.sealingKey) (not .Values.existingSecret) }}
{{- fail "An external database needs sealingKey: every replica, and every restart, must open the VIM passwords the others sealed.\nMaybe set sealingKey=$(openssl rand -base64 32), or put SMO_SEALING_KEY in existingSecret." }}
{{- end }}
{{- if and .Values.persistence.enabled (include "smo.externalDatabase" .) }}
{{- fail "persistence.enabled is true with an external database; the volume only holds the embedded database.\nMaybe set persistence.enabled=false." }}
{{- end }}
{{- if not .Values.existingSecret }}
{{- with .Values.auth.apiToken }}
{{- if lt (len .) 16 }}
{{- fail (printf "auth.apiToken is %d characters long; use at least 16." (len .)) }}
{{- end }}
{{- end }}
{{- with .Values.auth.readToken }}
{{- if lt (len .) 16 }}
{{- fail (printf "auth.readToken is %d characters long; use at least 16." (len .)) }}
{{- end }}
{{- if eq . $.Values.auth.apiToken }}
{{- fail "auth.readToken equals auth.apiToken; a read token must not be able to write." }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* SMO_ALLOWED_HOSTS: the Service's names, the pod's IP (kubelet probes, Prometheus scrapes), loopback, extras. */}}
{{- define "smo.allowedHosts" -}}
{{- $svc := include "smo.fullname" . }}
{{- $ns := .Release.Namespace }}
{{- $hosts := list "$(POD_IP)" "[$(POD_IP)]" "localhost" "127.0.0.1" "[::1]" $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.cluster.local" $svc $ns) }}
{{- concat $hosts .Values.allowedHosts | join "," }}
{{- end }}

{{/* Where the Karmada kubeconfig Secret is mounted. */}}
{{- define "smo.karmadaDir" -}}/etc/smo/karmada{{- end }}
