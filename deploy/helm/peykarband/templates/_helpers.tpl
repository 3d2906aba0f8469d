{{- define "peykarband.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "peykarband.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "peykarband.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "peykarband.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one role: call with (dict "root" $ "role" "gateway"). */}}
{{- define "peykarband.selectorLabels" -}}
app.kubernetes.io/name: {{ include "peykarband.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "peykarband.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "peykarband.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "peykarband.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* The environment both roles share; ROLE is set per Deployment. */}}
{{- define "peykarband.env" -}}
- name: HOST
  value: "0.0.0.0"
- name: PORT
  value: {{ .Values.gateway.port | quote }}
- name: METRICS_PORT
  value: {{ .Values.metrics.port | quote }}
# Writable (an emptyDir); used only by the embedded mode, which production does not run.
- name: DATA_DIR
  value: /tmp/peykarband
{{- range $name, $value := .Values.env }}
{{- if and (eq $name "DEPLOYMENT_NAME") (not $value) }}
- name: DEPLOYMENT_NAME
  value: {{ $.Release.Name | quote }}
{{- else }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}
{{- range $name, $key := .Values.secret.keys }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.secret.name }}
      key: {{ $key }}
{{- end }}
{{- range $name, $key := .Values.secret.optionalKeys }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.secret.name }}
      key: {{ $key }}
      optional: true
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
