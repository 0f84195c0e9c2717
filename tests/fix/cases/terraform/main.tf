resource "azurerm_storage_account" "logs" {
  name                     = "shoplogs"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}

resource "azurerm_mssql_server" "orders" {
  name                = "orders-sql"
  version             = "12.0"
  minimum_tls_version = "1.1"
}

resource "google_compute_ssl_policy" "edge" {
  name            = "edge"
  min_tls_version = "TLS_1_0"
}
