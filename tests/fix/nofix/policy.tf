variable "tls_floor" {
  default = "1.0"
}

resource "azurerm_storage_account" "archive" {
  name            = "archive"
  min_tls_version = var.tls_floor
}

resource "aws_lb_listener" "front" {
  port       = 443
  protocol   = "HTTPS"
  ssl_policy = "ELBSecurityPolicy-2016-08"
}
