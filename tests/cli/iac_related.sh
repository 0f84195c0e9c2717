#!/usr/bin/env bash
# iac_related.sh: a Terraform setting whose value comes from a variable's default or a local
# is reported at the setting, with the value as a related location; a value written in place
# has none.
. "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/tf"
cat > "$WORK/tf/main.tf" <<'TF'
variable "min_tls" {
  default = "TLS1_0"
}
locals {
  policy = var.listener
  web    = "1.2"
}
variable "listener" {
  default = "ELBSecurityPolicy-2016-08"
}
resource "azurerm_storage_account" "a" {
  min_tls_version = var.min_tls
}
resource "aws_lb_listener" "b" {
  ssl_policy = local.policy
}
resource "azurerm_storage_account" "c" {
  min_tls_version = "TLS1_1"
}
resource "azurerm_linux_web_app" "d" {
  site_config {
    minimum_tls_version = local.web
  }
}
TF
expect_status 1 "terraform scan" "$TLSLINT" scan -f sarif -o "$WORK/tf.sarif" "$WORK/tf"
R='.runs[0].results'
check "three findings" jq -e "$R | length == 3" "$WORK/tf.sarif"
check "variable: at the setting" jq -e "$R[0].ruleId == \"LT-TF-001\" and $R[0].locations[0].physicalLocation.region.startLine == 12 and $R[0].locations[0].physicalLocation.region.startColumn == 21" "$WORK/tf.sarif"
check "variable: the default is related" jq -e "($R[0].relatedLocations | length) == 1 and $R[0].relatedLocations[0].physicalLocation.region.startLine == 2 and $R[0].relatedLocations[0].physicalLocation.region.startColumn == 13 and ($R[0].relatedLocations[0].message.text | test(\"default of variable 'min_tls'\"))" "$WORK/tf.sarif"
check "local through a variable: the default is related" jq -e "$R[1].ruleId == \"LT-TF-002\" and $R[1].locations[0].physicalLocation.region.startLine == 15 and $R[1].relatedLocations[0].physicalLocation.region.startLine == 9 and ($R[1].relatedLocations[0].message.text | test(\"local value 'policy'\"))" "$WORK/tf.sarif"
check "in place: no related location" jq -e "$R[2].locations[0].physicalLocation.region.startLine == 18 and ($R[2].relatedLocations | length // 0) == 0" "$WORK/tf.sarif"

# ARM templates: a .json file is one only with a deploymentTemplate "$schema"; a settings file
# with the same key is not; a parameter's defaultValue is followed and related. (No rule is
# written for plain JSON, so this also checks that a .json file is read for a sniffing row.)
mkdir -p "$WORK/arm"
cat > "$WORK/arm/azuredeploy.json" <<'JSON'
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {
    "minTls": { "type": "string", "defaultValue": "TLS1_0" }
  },
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts",
      "properties": { "minimumTlsVersion": "[parameters('minTls')]" } }
  ]
}
JSON
cat > "$WORK/arm/settings.json" <<'JSON'
{ "storage": { "minimumTlsVersion": "TLS1_0" },
  "resources": [ { "type": "Microsoft.Storage/storageAccounts",
                   "properties": { "minimumTlsVersion": "TLS1_0" } } ] }
JSON
cat > "$WORK/arm/azuredeploy.parameters.json" <<'JSON'
{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "resources": [ { "type": "Microsoft.Storage/storageAccounts",
                   "properties": { "minimumTlsVersion": "TLS1_0" } } ] }
JSON
expect_status 1 "arm scan" "$TLSLINT" scan -f sarif -o "$WORK/arm.sarif" "$WORK/arm"
check "one ARM finding: the template only" jq -e "($R | length) == 1 and $R[0].ruleId == \"LT-ARM-001\" and ($R[0].locations[0].physicalLocation.artifactLocation.uri | endswith(\"azuredeploy.json\"))" "$WORK/arm.sarif"
check "ARM: at the setting, the defaultValue related" jq -e "$R[0].locations[0].physicalLocation.region.startLine == 8 and $R[0].locations[0].physicalLocation.region.startColumn == 44 and $R[0].relatedLocations[0].physicalLocation.region.startLine == 4 and ($R[0].relatedLocations[0].message.text | test(\"defaultValue of parameter 'minTls'\"))" "$WORK/arm.sarif"
finish
