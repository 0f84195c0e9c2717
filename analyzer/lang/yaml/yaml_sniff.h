/* yaml_sniff.h: the language table's sniff hooks for CloudFormation templates (YAML or JSON)
 * and Kubernetes manifests (core/language.h `sniff`). */
#ifndef TLSLINT_YAML_SNIFF_H
#define TLSLINT_YAML_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* A CloudFormation template: `AWSTemplateFormatVersion`, or an `AWS::Service::Type` name. */
bool cfn_sniff(const char *head, size_t len);
/* A Kubernetes manifest: lines that start with `apiVersion:` and `kind:`. */
bool k8s_sniff(const char *head, size_t len);

#endif
