// Placeholder until the first real file of Ledger lands.
import Foundation
