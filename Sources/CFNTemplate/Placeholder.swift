// Placeholder until the first real file of CFNTemplate lands.
import Foundation
